import { encode } from "next-auth/jwt";
import { expect, storageStateOf, test } from "./fixtures";

// The secret playwright.config.ts gives the e2e server, so the test can mint session cookies as it would.
const E2E_AUTH_SECRET = "e2e-only-secret-not-for-production-000000";
const SESSION_COOKIE = "authjs.session-token";

test.describe("sessions", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("deactivating a signed-in person ends their session on their next request", async ({ page, browser, baseURL }) => {
    const email = `leaver.${Date.now()}@example.org`;
    const created = await page.request.post("/api/people", {
      headers: { Origin: baseURL! },
      data: { email, name: "Lee Leaver", teamId: null, role: "viewer", password: "a long enough password" },
    });
    expect(created.status()).toBe(200);
    const { data } = (await created.json()) as { data: { id: number } };

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const theirs = await context.newPage();
    await theirs.goto("/sign-in");
    await theirs.getByLabel("Email").fill(email);
    await theirs.getByLabel("Password").fill("a long enough password");
    await theirs.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(theirs.getByTestId("current-user")).toContainText("Lee Leaver");

    const deactivated = await page.request.post(`/api/people/${data.id}/deactivate`, { headers: { Origin: baseURL! }, data: {} });
    expect(deactivated.status()).toBe(200);
    // Their cookie is still valid, but the person behind it is gone.
    expect((await theirs.request.get("/api/me")).status()).toBe(401);
    await theirs.goto("/");
    await expect(theirs).toHaveURL(/\/sign-in/);
    await context.close();
  });

  test("an expired session cookie is refused", async ({ browser, baseURL, request }) => {
    const { user } = (await (await request.get("/api/me")).json()) as { user: { id: number; email: string; name: string } };
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    const me = { sub: String(user.id), sid: crypto.randomUUID(), signedInAt: Math.floor(Date.now() / 1000), email: user.email, name: user.name };
    const cookie = (value: string) => ({ name: SESSION_COOKIE, value, url: baseURL! });
    // The same token, valid: it signs the admin in, proving the cookie is minted as the app would.
    await context.addCookies([cookie(await encode({ token: me, secret: E2E_AUTH_SECRET, salt: SESSION_COOKIE, maxAge: 60 }))]);
    await page.goto("/");
    await expect(page.getByTestId("current-user")).toBeVisible();
    await context.close();
    // Expired a minute ago, in a fresh browser (the first page's own requests may still refresh its cookie):
    // the app treats the visitor as signed out, pages and API alike.
    const expired = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    await expired.addCookies([cookie(await encode({ token: me, secret: E2E_AUTH_SECRET, salt: SESSION_COOKIE, maxAge: -60 }))]);
    expect((await expired.request.get("/api/me")).status()).toBe(401);
    const signedOut = await expired.newPage();
    await signedOut.goto("/");
    await expect(signedOut).toHaveURL(/\/sign-in/);
    await expired.close();
  });

  test("a token signed in more than a week ago, or without a session id (minted before sessions could be revoked), is not honoured", async ({ browser, baseURL, request }) => {
    const { user } = (await (await request.get("/api/me")).json()) as { user: { id: number; email: string; name: string } };
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const mint = (claims: Record<string, unknown>) => encode({ token: { sub: String(user.id), email: user.email, name: user.name, ...claims }, secret: E2E_AUTH_SECRET, salt: SESSION_COOKIE, maxAge: 60 });
    const answers = async (token: string) => {
      await context.clearCookies();
      await context.addCookies([{ name: SESSION_COOKIE, value: token, url: baseURL! }]);
      return (await context.request.get("/api/me")).status();
    };
    const now = Math.floor(Date.now() / 1000);
    // The same claims with a recent sign-in work: what makes the others fail is what they lack.
    expect(await answers(await mint({ sid: crypto.randomUUID(), signedInAt: now - 3600 }))).toBe(200);
    expect(await answers(await mint({ sid: crypto.randomUUID(), signedInAt: now - 8 * 24 * 3600 }))).toBe(401);
    expect(await answers(await mint({}))).toBe(401);
    await context.close();
  });
});
