import { expect, test } from "./fixtures";

const PAGES = ["/", "/assets", "/matrix", "/review", "/report", "/people", "/settings", "/no-such-page"];

test.describe("an anonymous visitor", () => {
  for (const path of PAGES) {
    test(`visiting ${path} lands on sign-in`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
      await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
    });
  }

  test("gets 401 from the API, and the health check answers without a session", async ({ request }) => {
    const me = await request.get("/api/me");
    expect(me.status()).toBe(401);
    expect(await me.json()).toMatchObject({ ok: false, code: "unauthenticated" });
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
  });
});
