import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password";

export const DEMO_USERS = {
  admin: { email: "admin@example.org", name: "Alex Morgan", role: "Admin" },
  marketingManager: { email: "marketing.manager@example.org", name: "Maya Fischer", role: "Manager" },
  itManager: { email: "it.manager@example.org", name: "Tom Becker", role: "Manager" },
  viewer: { email: "viewer@example.org", name: "Vera Lindqvist", role: "Viewer" },
} as const;

export type DemoUserKey = keyof typeof DEMO_USERS;

export const storageStateOf = (user: DemoUserKey) => `e2e/.auth/${user}.json`;

/** The sign-in page as a page object. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto(path = "/sign-in") {
    await this.page.goto(path);
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  get error() {
    return this.page.getByTestId("form-error");
  }
}

/**
 * Signing in through the e2e OpenID Connect provider (e2e/oidc-provider.ts): the app's button, then
 * oidc-provider's own login page (any password) and consent page; `login` is the email.
 */
export async function signInThroughProvider(page: Page, login: string, button: string) {
  await page.getByRole("button", { name: button }).click();
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

export const test = base.extend<{ signInPage: SignInPage }>({
  signInPage: async ({ page }, use) => {
    await use(new SignInPage(page));
  },
});

/** Tests that act as one demo user reuse the session the setup project saved for them. */
export function asUser(user: DemoUserKey) {
  test.use({ storageState: storageStateOf(user) });
}

export { expect };

/**
 * Confirms every cell of the open review and submits it. Other specs may grow a team's scope meanwhile (a cell
 * edited elsewhere joins it), so "Confirm all unchanged" is tried again when the submit is refused.
 */
export async function confirmAllAndSubmit(page: Page) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const confirmAll = page.getByRole("button", { name: /Confirm all unchanged/ });
    if (await confirmAll.isEnabled()) {
      await confirmAll.click();
      await expect(page.getByTestId("review-live")).toContainText(/confirmed/);
    }
    await expect(page.getByTestId("review-progress")).toHaveText(/^(\d+) of \1 decided$/);
    await page.getByRole("button", { name: "Submit review" }).click();
    await page.getByRole("button", { name: "Yes, submit" }).click();
    const outcome = page.getByTestId("review-record-status").or(page.getByTestId("review-error"));
    await expect(outcome).toBeVisible();
    if (await page.getByTestId("review-record-status").isVisible()) return;
  }
  throw new Error("The review could not be submitted.");
}
