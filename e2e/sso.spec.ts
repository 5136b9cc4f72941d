import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";
import { DEMO_USERS, expect, signInThroughProvider as signInThroughProviderAs, test } from "./fixtures";
import { E2E_OIDC } from "./oidc-settings";

/**
 * Single sign-on through oidc-provider, which playwright.config.ts starts beside the app in its default,
 * conformant mode: the ID token carries no email, UserInfo does.
 */

const SSO_BUTTON = `Sign in with ${E2E_OIDC.name}`;

const signInThroughProvider = (page: Page, login: string) => signInThroughProviderAs(page, login, SSO_BUTTON);

async function expectNoSession(page: Page, context: BrowserContext) {
  const cookies = await context.cookies();
  expect(cookies.some((cookie) => cookie.name.includes("session-token"))).toBe(false);
  expect((await page.request.get("/api/me")).status()).toBe(401);
}

test.describe("single sign-on", () => {
  test("the sign-in page offers the provider above the password form", async ({ page }) => {
    await page.goto("/sign-in");
    const ssoButton = page.getByRole("button", { name: SSO_BUTTON });
    const passwordButton = page.getByRole("button", { name: "Sign in", exact: true });
    await expect(ssoButton).toBeVisible();
    await expect(passwordButton).toBeVisible();
    expect((await ssoButton.boundingBox())!.y).toBeLessThan((await page.getByLabel("Email").boundingBox())!.y);
    await page.screenshot({ path: "e2e/screenshots/sign-in-with-sso.png", fullPage: true });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
    expect(serious.map((violation) => violation.id)).toEqual([]);
  });

  test("a person Tandem knows signs in as themselves, with their role, and returns to the page they asked for", async ({ page }) => {
    await page.goto("/report");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    // The provider's address differs in case from Tandem's: the email is matched lower-cased.
    await signInThroughProvider(page, "Viewer@Example.org");
    await expect(page).toHaveURL("/report");
    const currentUser = page.getByTestId("current-user");
    await expect(currentUser).toContainText(DEMO_USERS.viewer.name);
    await expect(currentUser).toContainText(DEMO_USERS.viewer.role);
    // The session is the Person's (read again by id on every request), not the provider's subject.
    const me = await page.request.get("/api/me");
    expect(me.status()).toBe(200);
    expect((await me.json()).user).toMatchObject({ email: DEMO_USERS.viewer.email, name: DEMO_USERS.viewer.name, role: "viewer" });
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("an email Tandem does not know is refused with a message, and no session starts", async ({ page, context }) => {
    await page.goto("/sign-in");
    await signInThroughProvider(page, "stranger@example.org");
    await expect(page).toHaveURL(/\/sign-in\?/);
    await expect(page.getByTestId("sign-in-refused")).toHaveText("There is no Tandem account for stranger@example.org; ask an admin to add you.");
    await page.screenshot({ path: "e2e/screenshots/sign-in-sso-refused.png", fullPage: true });
    await expectNoSession(page, context);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a deactivated person is refused", async ({ page, context }) => {
    await page.goto("/sign-in");
    // Ravi Patel left the demo organisation three weeks ago.
    await signInThroughProvider(page, "ravi.patel@example.org");
    await expect(page.getByTestId("sign-in-refused")).toHaveText("Your account is deactivated.");
    await expectNoSession(page, context);
  });

  test("a person whose role is `none` is refused: they own cells but never sign in", async ({ page, context }) => {
    await page.goto("/sign-in");
    await signInThroughProvider(page, "leo.santos@example.org");
    await expect(page.getByTestId("sign-in-refused")).toHaveText(
      "The Tandem account for leo.santos@example.org may not sign in; ask an admin to give it a role.",
    );
    await expectNoSession(page, context);
  });

  test("another account at the provider with the same email is refused once the person has signed in through it", async ({ page, context, browser, baseURL }) => {
    // The first sign-in, which links the person to the provider's account, in a browser of its own: a request
    // of its signed-in pages still in flight after signing out would put its (revoked) cookie back here.
    const first = await browser.newPage({ baseURL, storageState: { cookies: [], origins: [] } });
    await first.goto("/sign-in");
    await signInThroughProvider(first, DEMO_USERS.marketingManager.email);
    await expect(first.getByTestId("current-user")).toContainText(DEMO_USERS.marketingManager.name);
    await first.context().close();
    await page.goto("/sign-in");
    await signInThroughProvider(page, `another:${DEMO_USERS.marketingManager.email}`);
    await expect(page.getByTestId("sign-in-refused")).toHaveText(
      `The Tandem account for ${DEMO_USERS.marketingManager.email} is linked to another account at your sign-in provider; ask an admin.`,
    );
    await expectNoSession(page, context);
  });

  test("an email the provider does not say it verified is refused, whether it says false or nothing", async ({ page, context }) => {
    for (const login of [`unverified:${DEMO_USERS.viewer.email}`, `unconfirmed:${DEMO_USERS.viewer.email}`]) {
      // The provider's session too (its cookies are on localhost as well): each attempt logs in afresh.
      await context.clearCookies();
      await page.goto("/sign-in");
      await signInThroughProvider(page, login);
      await expect(page.getByTestId("sign-in-refused")).toHaveText("Your sign-in provider did not confirm your email address, so Tandem cannot tell who you are.");
      await expectNoSession(page, context);
    }
  });

  test.describe("before the page's JavaScript has loaded", () => {
    test.use({ javaScriptEnabled: false });

    test("the button still takes the browser to the provider and back", async ({ page }) => {
      await page.goto("/sign-in");
      await signInThroughProvider(page, DEMO_USERS.itManager.email);
      await expect(page).toHaveURL("/");
      await expect(page.getByTestId("current-user")).toContainText(DEMO_USERS.itManager.name);
    });
  });
});
