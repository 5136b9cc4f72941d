import { request as playwrightRequest } from "@playwright/test";
import { asUser, DEMO_USERS, expect, test } from "./fixtures";

/**
 * Issue 17's "done when", over HTTP against the running app: an admin makes a service token on the screen, and a
 * script with it creates an asset, sets its owners and reads the gap report without a browser; the asset's history
 * on the screen names the token; a token opens no page; revoked on the screen, the token stops working.
 */

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe("a script with a service token", () => {
  asUser("admin");

  test("creates an asset, assigns its owners and reads the report; the screens show it and can revoke it", async ({ page, baseURL }) => {
    const name = `CMDB sync ${unique()}`;
    await page.goto("/settings/service-tokens");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Acts as").selectOption("admin");
    await page.getByRole("button", { name: "Make the token" }).click();
    const token = await page.getByTestId("token-created").getByLabel(`The token ${name}`).inputValue();

    // The script: no cookie (the test runner would lend the admin's), only the token.
    const api = await playwrightRequest.newContext({
      baseURL: `${baseURL}/api/v1/`,
      storageState: { cookies: [], origins: [] },
      extraHTTPHeaders: { authorization: `Bearer ${token}` },
    });
    const key = `partner-portal-${unique()}`;
    const created = await api.post("assets", { data: { key, name: "Partner portal", kind: "website", criticality: "high", url: "https://partners.example.org" } });
    expect(created.status(), await created.text()).toBe(201);

    const cell = await api.get(`cells/${key}/content`);
    const etag = cell.headers()["etag"]!;
    const holders = { holders: [{ person_email: "grace.liu@example.org", role: "A" }, { person_email: "nina.petrova@example.org", role: "R" }] };
    const owned = await api.put(`cells/${key}/content`, { data: holders, headers: { "if-match": etag } });
    expect(owned.status(), await owned.text()).toBe(200);
    expect(await owned.json()).toMatchObject({ covered: true, gaps: [] });
    // The same If-Match again is stale now: 412, and nothing changes.
    const stale = await api.put(`cells/${key}/content`, { data: { holders: [] }, headers: { "if-match": etag } });
    expect(stale.status()).toBe(412);

    const report = await api.get("report?kind=website");
    expect(report.status()).toBe(200);
    expect((await report.json()).coverage.overall.inScope).toBeGreaterThan(0);
    const csv = await api.get("report.csv?kind=website");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toMatch(/^asset_key,asset_name,concern_key/);

    // A token opens no page of the app: the page asks to sign in.
    const pageWithToken = await api.get(`${baseURL}/assets/${key}`, { maxRedirects: 0 });
    expect(pageWithToken.status()).toBe(302);
    expect(pageWithToken.headers()["location"]).toContain("/sign-in");

    await page.goto(`/assets/${key}`);
    await expect(page.getByRole("heading", { level: 1, name: "Partner portal" })).toBeVisible();
    await expect(page.getByText(`${DEMO_USERS.admin.name} (API token “${name}”)`).first()).toBeVisible();

    await page.goto("/settings/service-tokens");
    await page.getByTestId("tokens").getByRole("row").filter({ hasText: name }).getByRole("button", { name: `Revoke ${name}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Yes, revoke it" }).click();
    await expect(page.getByTestId("tokens").getByRole("row").filter({ hasText: name })).toContainText("Revoked");
    const refused = await api.get("assets");
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ ok: false, code: "unauthenticated" });
    await api.dispose();
  });
});
