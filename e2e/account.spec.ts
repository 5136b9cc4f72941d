import type { Browser, Page } from "@playwright/test";
import { asUser, DEMO_USERS, expect, SignInPage, signInThroughProvider, storageStateOf, test } from "./fixtures";
import { E2E_OIDC } from "./oidc-settings";

/**
 * Issue 15, item 6: My account. The password tests work on people made for them (through the admin's API),
 * never on the demo accounts that the other specs sign in with.
 */

const FIRST_PASSWORD = "first violet kettle ferry";
const SECOND_PASSWORD = "second amber lantern harbour";
const PHONE = { width: 390, height: 844 };
const uniqueSuffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

/** A person of the test's own, added by the admin, with `password` (none: single sign-on only). */
async function createPerson(browser: Browser, baseURL: string, password: string | null) {
  const suffix = uniqueSuffix();
  const person = { email: `account.${suffix}@example.org`, name: `Robin ${suffix}` };
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const response = await admin.request.post("/api/people", {
    data: { ...person, role: "viewer", ...(password ? { password } : {}) },
    headers: { Origin: baseURL },
  });
  expect(response.status(), await response.text()).toBe(200);
  await admin.close();
  return person;
}

/** A fresh browser, signed in as `email`: each is a session of its own, as another device would be. */
async function signedIn(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await new SignInPage(page).signIn(email, password);
  await expect(page.getByTestId("current-user")).toBeVisible();
  return page;
}

/**
 * Sessions are compared with the change in whole seconds, and a session signed in during the second of the
 * change is honoured (lib/auth/session-validity.ts): the other device signs in a second before it.
 */
const aSecondLater = (page: Page) => page.waitForTimeout(1_100);

test.describe("My account, changing the password and signing out everywhere", () => {
  test("changing the password ends the other sessions, keeps this one, and the new password signs in", async ({ browser, baseURL }) => {
    const person = await createPerson(browser, baseURL!, FIRST_PASSWORD);
    const otherDevice = await signedIn(browser, person.email, FIRST_PASSWORD);
    const page = await signedIn(browser, person.email, FIRST_PASSWORD);
    await aSecondLater(page);

    await page.getByTestId("current-user").getByRole("link", { name: /My account/ }).click();
    await expect(page).toHaveURL("/account");
    await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
    await expect(page.getByText(person.email)).toBeVisible();

    const currentPassword = page.getByLabel("Current password");
    await currentPassword.fill("not my password at all");
    await page.getByLabel(/^New password/).fill(SECOND_PASSWORD);
    await page.getByLabel("Repeat the new password").fill(SECOND_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByTestId("currentPassword-error")).toHaveText("This is not your current password.");
    await expect(currentPassword).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel(/^New password/).fill("Password1234!");
    await page.getByLabel("Repeat the new password").fill("Password1234!");
    await currentPassword.fill(FIRST_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByTestId("password-error")).toContainText("among the first that anyone guesses");

    await page.getByLabel(/^New password/).fill(SECOND_PASSWORD);
    await page.getByLabel("Repeat the new password").fill(SECOND_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByTestId("password-changed")).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/account-password-changed.png", fullPage: true });

    // This browser signed in again with the new password; the other device's session ended with the change.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
    await otherDevice.goto("/account");
    await expect(otherDevice).toHaveURL(/\/sign-in/);

    const fresh = await signedIn(browser, person.email, SECOND_PASSWORD);
    await expect(fresh.getByTestId("current-user")).toContainText(person.name);
    const old = await browser.newPage();
    await old.goto("/sign-in");
    await new SignInPage(old).signIn(person.email, FIRST_PASSWORD);
    await expect(new SignInPage(old).error).toContainText("Wrong email or password.");
  });

  test("signing out everywhere ends every session, this one included, after a confirmation", async ({ browser, baseURL }) => {
    const person = await createPerson(browser, baseURL!, FIRST_PASSWORD);
    const otherDevice = await signedIn(browser, person.email, FIRST_PASSWORD);
    const page = await signedIn(browser, person.email, FIRST_PASSWORD);
    await aSecondLater(page);
    await page.goto("/account");

    await page.getByRole("button", { name: "Sign out everywhere…" }).click();
    const confirm = page.getByRole("group", { name: "Sign out everywhere" });
    await expect(confirm).toContainText("this one included");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toHaveCount(0);
    await page.getByRole("button", { name: "Sign out everywhere…" }).click();
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: "e2e/screenshots/account-sign-out-everywhere-phone.png", fullPage: true });
    await confirm.getByRole("button", { name: "Sign out everywhere" }).click();

    await expect(page).toHaveURL(/\/sign-in\?notice=signed-out-everywhere/);
    await expect(page.getByTestId("sign-in-notice")).toHaveText("You are signed out on every device.");
    expect((await page.request.get("/api/me")).status()).toBe(401);
    await otherDevice.goto("/account");
    await expect(otherDevice).toHaveURL(/\/sign-in/);
  });

  test("a person who signs in through single sign-on only reads a note instead of the password form", async ({ browser, baseURL, page }) => {
    const person = await createPerson(browser, baseURL!, null);
    await page.goto("/sign-in");
    await signInThroughProvider(page, person.email, `Sign in with ${E2E_OIDC.name}`);
    await page.goto("/account");
    await expect(page.getByTestId("no-password")).toHaveText(`You sign in through ${E2E_OIDC.name}, so you have no password in Tandem.`);
    await expect(page.getByLabel("Current password")).toHaveCount(0);
  });
});

test.describe("My account as the viewer", () => {
  asUser("viewer");

  test("shows their name, email, team and role, read-only, on a desktop and on a phone", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: /My account/ }).click();
    const details = page.getByRole("region", { name: "Your details" });
    await expect(details).toContainText(DEMO_USERS.viewer.name);
    await expect(details).toContainText(DEMO_USERS.viewer.email);
    await expect(details).toContainText("Viewer");
    await expect(details).toContainText("An admin changes these for you.");
    await expect(page.getByRole("link", { name: "Edit on your person page" })).toHaveCount(0);
    await expect(page.getByLabel("Current password")).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/account-viewer.png", fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: "e2e/screenshots/account-viewer-phone.png", fullPage: true });
  });

  test("a write from another site is refused and ends nothing", async ({ page }) => {
    for (const [route, data] of [
      ["/api/me/sign-out-everywhere", {}],
      ["/api/me/password", { currentPassword: "demo-password", password: SECOND_PASSWORD }],
    ] as const) {
      const response = await page.request.post(route, { data, headers: { Origin: "https://evil.example" } });
      expect(response.status()).toBe(403);
      expect(await response.json()).toMatchObject({ ok: false, code: "forbidden" });
    }
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
  });
});

test.describe("My account as the admin", () => {
  asUser("admin");

  test("links to the admin's own person page, where admins edit people", async ({ page }) => {
    const me = (await (await page.request.get("/api/me")).json()).user as { id: number };
    await page.goto("/account");
    await expect(page.getByRole("link", { name: "Edit on your person page" })).toHaveAttribute("href", `/people/${me.id}/edit`);
  });
});

test.describe("My account, signed out", () => {
  test("a signed-out visitor is sent to sign in, and the account's writes answer 401", async ({ page, baseURL }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
    const response = await page.request.post("/api/me/sign-out-everywhere", { data: {}, headers: { Origin: baseURL! } });
    expect(response.status()).toBe(401);
  });
});
