import { DEMO_PASSWORD, DEMO_USERS, expect, test } from "./fixtures";

test.describe("signing in", () => {
  test("a wrong password shows an error and starts no session", async ({ page, signInPage, context }) => {
    await signInPage.goto();
    await signInPage.signIn(DEMO_USERS.admin.email, "not-the-password");
    await expect(signInPage.error).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/sign-in/);
    // The cookie is cleared by the sign-out response, which can land just after the redirect is followed.
    await expect.poll(async () => (await context.cookies()).some((cookie) => cookie.name.includes("session-token"))).toBe(false);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("an unknown email gets the same message as a wrong password", async ({ signInPage }) => {
    await signInPage.goto();
    await signInPage.signIn("nobody@example.org", DEMO_PASSWORD);
    await expect(signInPage.error).toHaveText("Wrong email or password.");
  });

  test("after five failed attempts an account is throttled, even with the right password", async ({ page, signInPage }) => {
    // A person of the demo that no other test signs in as, so throttling them disturbs nothing else.
    const email = "priya.nair@example.org";
    await signInPage.goto();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await signInPage.signIn(email, `wrong-${attempt}`);
      await expect(signInPage.error).toHaveText("Wrong email or password.");
      // The message stays the same between attempts: wait until this one is answered and the form reset.
      await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
      await expect(page.getByLabel("Password")).toHaveValue("");
    }
    await signInPage.signIn(email, DEMO_PASSWORD);
    await expect(signInPage.error).toHaveText(/^Too many failed attempts\. Try again in (15|1[0-4]) minutes\.$/);
  });

  test("a person whose role is `none` cannot sign in even with a password", async ({ signInPage }) => {
    await signInPage.goto();
    await signInPage.signIn("leo.santos@example.org", DEMO_PASSWORD);
    await expect(signInPage.error).toHaveText("Wrong email or password.");
  });

  test("signing in from a deep link returns to that page", async ({ page, signInPage }) => {
    await page.goto("/report");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await signInPage.signIn(DEMO_USERS.viewer.email, DEMO_PASSWORD);
    await expect(page).toHaveURL("/report");
    await expect(page.getByRole("heading", { level: 1, name: "Gap report" })).toBeVisible();
  });

  test("signing out ends the session, and a copy of its cookie no longer works", async ({ page, signInPage, context, browser }) => {
    await signInPage.goto();
    await signInPage.signIn(DEMO_USERS.itManager.email, DEMO_PASSWORD);
    await expect(page.getByTestId("current-user")).toContainText(DEMO_USERS.itManager.name);
    const sessionCookies = (await context.cookies()).filter((cookie) => cookie.name.includes("session-token"));
    expect(sessionCookies).not.toEqual([]);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.request.get("/api/me")).status()).toBe(401);
    // The cookie as it was before signing out (what a request in flight at that moment, or a copied
    // cookie, would send back): still a validly signed token, but its session is revoked.
    const replay = await browser.newContext({ storageState: { cookies: sessionCookies, origins: [] } });
    expect((await replay.request.get("/api/me")).status()).toBe(401);
    await replay.close();
  });
});
