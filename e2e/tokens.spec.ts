import { createHash } from "node:crypto";
import { asUser, DEMO_USERS, expect, storageStateOf, test } from "./fixtures";
import { withSharedDatabase } from "./shared-database";

/**
 * Issue 17, item 1: API tokens on the screens. A manager makes a personal token, sees it once, copies it and
 * revokes it; the admin makes a service token for the manager of a team; Settings -> Service tokens and its
 * writes are refused to managers and viewers, and nobody revokes a token that is not theirs.
 */

const PHONE = { width: 390, height: 844 };
const TOKEN_PATTERN = /^tdm_[A-Za-z0-9_-]{43}$/;
const uniqueName = (name: string) => `${name} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** What the database keeps of a token: its hash and when it was revoked, never the token. */
const storedToken = (name: string) =>
  withSharedDatabase(async (client) => (await client.query<{ secretHash: string; revokedAt: Date | null }>(`SELECT "secretHash", "revokedAt" FROM "ApiToken" WHERE name = $1`, [name])).rows);

test.describe("My account -> API tokens as a manager", () => {
  asUser("itManager");

  test("makes a personal token, sees it once, copies it, and revokes it", async ({ page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    const name = uniqueName("Backstage sync");
    await page.goto("/account");
    await page.getByRole("link", { name: "Manage your API tokens" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
    await expect(page.getByText("use Tandem’s API as you: with your role")).toBeVisible();

    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Expires").selectOption({ label: "In 30 days" });
    await page.getByRole("button", { name: "Make the token" }).click();
    const created = page.getByTestId("token-created");
    await expect(created).toContainText("Copy it now: it will not be shown again.");
    const token = await created.getByLabel(`The token ${name}`).inputValue();
    expect(token).toMatch(TOKEN_PATTERN);
    await expect(page.getByTestId("token-example")).toHaveText(`curl -H "Authorization: Bearer ${token}" ${baseURL}/api/v1/assets`);
    await created.getByRole("button", { name: "Copy", exact: true }).click();
    await expect(created.getByRole("button", { name: "Copied", exact: true })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

    const row = page.getByTestId("tokens").getByRole("row").filter({ hasText: name });
    await expect(row).toContainText(`${token.slice(0, 8)}…`);
    await expect(row).toContainText("Never");
    await expect(row).toContainText("Active");
    await page.screenshot({ path: "e2e/screenshots/tokens-created.png", fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: "e2e/screenshots/tokens-created-phone.png", fullPage: true });

    // Once closed, the token is gone from the page for good: only its hash is kept.
    await created.getByRole("button", { name: "Done, I have copied it" }).click();
    await expect(created).toHaveCount(0);
    await page.reload();
    expect(await page.content()).not.toContain(token.slice(8));
    expect(await storedToken(name)).toEqual([{ secretHash: createHash("sha256").update(token).digest("hex"), revokedAt: null }]);

    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText(`Revoke “${name}” (${token.slice(0, 8)}…)?`);
    await page.screenshot({ path: "e2e/screenshots/tokens-revoke-phone.png", fullPage: true });
    await confirm.getByRole("button", { name: "Yes, revoke it" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(row).toContainText("Revoked");
    await expect(row.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);
    expect((await storedToken(name))[0]!.revokedAt).not.toBeNull();
  });

  test("refuses a number of days beyond two years next to the field", async ({ page }) => {
    await page.goto("/account/tokens");
    await page.getByLabel("Name").fill(uniqueName("Too long"));
    await page.getByLabel("Expires").selectOption({ label: "After a number of days…" });
    await page.getByLabel("Days until it expires").fill("1000");
    await page.getByRole("button", { name: "Make the token" }).click();
    await expect(page.getByTestId("token-expiresInDays-error")).toHaveText("Give a number of days from 1 to 730, or none.");
    await expect(page.getByTestId("token-created")).toHaveCount(0);
  });
});

test.describe("Settings -> Service tokens as the admin", () => {
  asUser("admin");

  test("makes a service token for the manager of a team, lists it with its team and maker, and revokes it", async ({ page, baseURL }) => {
    const name = uniqueName("CMDB sync");
    await page.goto("/settings");
    await page.getByRole("link", { name: "Service tokens" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Service tokens" })).toBeVisible();
    await expect(page.getByText("recorded in the name of the admin who made it, naming the token")).toBeVisible();

    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Acts as").selectOption({ label: "Manager of a team: that team's cells and reviews" });
    await page.getByLabel("Expires").selectOption({ label: "Never (until revoked)" });
    // A manager's token manages one team: without it, the team's field says so.
    await page.getByRole("button", { name: "Make the token" }).click();
    await expect(page.getByTestId("token-teamId-error")).toContainText("choose it");
    await page.getByLabel("Team").selectOption({ label: "Web Platform" });
    await page.getByRole("button", { name: "Make the token" }).click();

    const created = page.getByTestId("token-created");
    const token = await created.getByLabel(`The token ${name}`).inputValue();
    expect(token).toMatch(TOKEN_PATTERN);
    await expect(page.getByTestId("token-example")).toHaveText(`curl -H "Authorization: Bearer ${token}" ${baseURL}/api/v1/assets`);
    const row = page.getByTestId("tokens").getByRole("row").filter({ hasText: name });
    await expect(row).toContainText("Manager of Web Platform");
    await expect(row).toContainText(DEMO_USERS.admin.name);
    await expect(row).toContainText("Active");
    await page.screenshot({ path: "e2e/screenshots/service-tokens.png", fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: "e2e/screenshots/service-tokens-phone.png", fullPage: true });

    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Yes, revoke it" }).click();
    await expect(row).toContainText("Revoked");
    expect((await storedToken(name))[0]!.revokedAt).not.toBeNull();
  });
});

for (const user of ["itManager", "viewer"] as const) {
  test.describe(`service tokens as the ${user === "viewer" ? "viewer" : "manager"}`, () => {
    asUser(user);

    test("are refused, page and forged writes alike; personal tokens are theirs, and only theirs", async ({ page, baseURL, browser }) => {
      await page.goto("/settings/service-tokens");
      await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
      await expect(page.getByText("Service tokens are for admins.")).toBeVisible();
      if (user === "viewer") await page.screenshot({ path: "e2e/screenshots/service-tokens-viewer.png" });
      const headers = { origin: baseURL! };
      const forged = await page.request.post("/api/settings/service-tokens", { data: { name: "Mine now", role: "admin", teamId: null, expiresInDays: null }, headers });
      expect(forged.status()).toBe(403);
      expect(await forged.json()).toMatchObject({ ok: false, code: "forbidden", error: "Only admins change the organisation's settings." });

      // Viewers and managers alike make tokens of their own, acting with their role...
      const own = await page.request.post("/api/me/tokens", { data: { name: uniqueName("Own script"), expiresInDays: 7 }, headers });
      expect(own.status()).toBe(200);
      expect((await own.json()).data.token).toMatch(TOKEN_PATTERN);
      // ...but revoke neither a service token nor anyone else's token: to them, it does not exist.
      const admin = await browser.newContext({ storageState: storageStateOf("admin") });
      const adminToken = await admin.request.post("/api/me/tokens", { data: { name: uniqueName("Admin's script"), expiresInDays: null }, headers });
      const adminTokenId = (await adminToken.json()).data.id as number;
      await admin.close();
      const revokeOthers = await page.request.post(`/api/me/tokens/${adminTokenId}/revoke`, { data: {}, headers });
      expect(await revokeOthers.json()).toMatchObject({ ok: false, code: "not-found" });
      expect((await page.request.post(`/api/settings/service-tokens/${adminTokenId}/revoke`, { data: {}, headers })).status()).toBe(403);
      const stillActive = await withSharedDatabase(async (client) => (await client.query(`SELECT "revokedAt" FROM "ApiToken" WHERE id = $1`, [adminTokenId])).rows[0]);
      expect(stillActive).toEqual({ revokedAt: null });
    });
  });
}
