import { DEMO_PASSWORD, DEMO_USERS, expect, storageStateOf, test, type DemoUserKey } from "./fixtures";

for (const key of Object.keys(DEMO_USERS) as DemoUserKey[]) {
  const user = DEMO_USERS[key];
  test(`sign in as ${user.email}`, async ({ page, signInPage }) => {
    await signInPage.goto();
    await signInPage.signIn(user.email, DEMO_PASSWORD);
    await expect(page).toHaveURL("/");
    const currentUser = page.getByTestId("current-user");
    await expect(currentUser).toContainText(user.name);
    await expect(currentUser).toContainText(user.role);
    await page.context().storageState({ path: storageStateOf(key) });
  });
}
