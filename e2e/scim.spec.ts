import { request as playwrightRequest } from "@playwright/test";
import { asUser, expect, test } from "./fixtures";

/**
 * Issue 18 over HTTP against the running app: an admin makes a SCIM provisioning token on the screen, and an
 * identity provider with it (no cookie) creates a person and marks them as left; the person's page shows it. The
 * token calls /scim/v2 only.
 */

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe("an identity provider with a SCIM token", () => {
  asUser("admin");

  test("provisions a person and deactivates them; the token opens nothing else", async ({ page, baseURL }) => {
    const name = `Okta ${unique()}`;
    await page.goto("/settings/service-tokens");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Acts as").selectOption("scim");
    await page.getByRole("button", { name: "Make the token" }).click();
    const created = page.getByTestId("token-created");
    await expect(created).toContainText(`${baseURL}/scim/v2`);
    const token = await created.getByLabel(`The token ${name}`).inputValue();
    await expect(page.getByTestId("tokens").getByRole("row").filter({ hasText: name })).toContainText("SCIM provisioning");

    const provider = await playwrightRequest.newContext({
      baseURL: `${baseURL}/scim/v2/`,
      storageState: { cookies: [], origins: [] },
      extraHTTPHeaders: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
    });
    const email = `scim-${unique()}@example.org`;
    const lookup = await provider.get(`Users?filter=${encodeURIComponent(`userName eq "${email}"`)}`);
    expect(await lookup.json()).toMatchObject({ totalResults: 0 });
    const user = await provider.post("Users", { data: { userName: email, name: { givenName: "Sky", familyName: "Provisioned" }, active: true } });
    expect(user.status(), await user.text()).toBe(201);
    expect(user.headers()["content-type"]).toBe("application/scim+json");
    const { id } = await user.json();
    const left = await provider.patch(`Users/${id}`, { data: { Operations: [{ op: "Replace", path: "active", value: "False" }] } });
    expect(await left.json()).toMatchObject({ active: false });

    await page.goto(`/people/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Left on");

    const api = await provider.get(`${baseURL}/api/v1/people`);
    expect(api.status()).toBe(403);
    await provider.dispose();
  });
});
