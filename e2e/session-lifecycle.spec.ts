import { encode } from "next-auth/jwt";
import { DEMO_PASSWORD, DEMO_USERS, expect, storageStateOf, test } from "./fixtures";

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

  test("reactivating, a new password or another role end the sessions the person had before, not later ones", async ({ page, browser, baseURL }) => {
    const email = `returner.${Date.now()}@example.org`;
    const created = await page.request.post("/api/people", {
      headers: { Origin: baseURL! },
      data: { email, name: "Rae Returner", teamId: null, role: "viewer", password: "a long enough password" },
    });
    expect(created.status()).toBe(200);
    const { data } = (await created.json()) as { data: { id: number } };
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    /** /api/me with a session of theirs signed in `secondsAgo` before now (negative: after now). */
    const meWithSessionFrom = async (secondsAgo: number) => {
      const token = { sub: String(data.id), sid: crypto.randomUUID(), signedInAt: Math.floor(Date.now() / 1000) - secondsAgo, email, name: "Rae Returner" };
      await context.clearCookies();
      await context.addCookies([{ name: SESSION_COOKIE, value: await encode({ token, secret: E2E_AUTH_SECRET, salt: SESSION_COOKIE, maxAge: 60 }), url: baseURL! }]);
      return (await context.request.get("/api/me")).status();
    };
    expect(await meWithSessionFrom(30)).toBe(200);

    const passwordSet = await page.request.post(`/api/people/${data.id}/password`, { headers: { Origin: baseURL! }, data: { password: "another long password" } });
    expect(passwordSet.status()).toBe(200);
    expect(await meWithSessionFrom(30)).toBe(401);
    expect(await meWithSessionFrom(-1)).toBe(200);

    await page.goto(`/people/${data.id}/edit`);
    await page.getByLabel("Role").selectOption("manager");
    await page.getByLabel("Team").selectOption({ label: "Web Platform" });
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByTestId("person-role")).toContainText("Manager");
    expect(await meWithSessionFrom(30)).toBe(401);
    expect(await meWithSessionFrom(-1)).toBe(200);

    expect((await page.request.post(`/api/people/${data.id}/deactivate`, { headers: { Origin: baseURL! }, data: {} })).status()).toBe(200);
    expect((await page.request.post(`/api/people/${data.id}/reactivate`, { headers: { Origin: baseURL! }, data: {} })).status()).toBe(200);
    expect(await meWithSessionFrom(30)).toBe(401);
    expect(await meWithSessionFrom(-1)).toBe(200);
    await context.close();
  });

  test("next-auth's own sign-out endpoint revokes the session, so a copy of its cookie no longer works", async ({ browser, baseURL }) => {
    // A session of its own, signed in over HTTP, so that signing it out leaves the shared viewer's alone.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const csrf = async () => ((await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
    await context.request.post("/api/auth/callback/credentials", { form: { csrfToken: await csrf(), email: DEMO_USERS.viewer.email, password: DEMO_PASSWORD, callbackUrl: baseURL! } });
    const copy = (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE)!;
    expect(copy).toBeDefined();
    expect((await context.request.get("/api/me")).status()).toBe(200);

    const signedOut = await context.request.post("/api/auth/signout", { form: { csrfToken: await csrf(), callbackUrl: baseURL! }, maxRedirects: 0 });
    expect(signedOut.status()).toBeLessThan(400);
    const thief = await browser.newContext({ storageState: { cookies: [copy], origins: [] } });
    expect((await thief.request.get("/api/me")).status()).toBe(401);
    await thief.close();
    await context.close();
  });
});
