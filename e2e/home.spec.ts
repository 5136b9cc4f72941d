import { asUser, DEMO_USERS, expect, test } from "./fixtures";

test.describe("Home as the admin", () => {
  asUser("admin");

  test("shows the demo organisation's live figures and every screen in the navigation", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
    // 40 demo assets, one retired; 30 people, one of whom has left.
    await expect(page.getByTestId("stat-assets")).toContainText("39");
    await expect(page.getByTestId("stat-assets")).toContainText("1 retired");
    await expect(page.getByTestId("stat-people")).toContainText("29");
    await expect(page.getByTestId("stat-people")).toContainText("in 6 teams");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of ["Home", "Assets", "Ownership matrix", "Weekly review", "Gap report", "People & teams", "Settings & users"]) {
      await expect(nav.getByRole("link", { name: label })).toBeVisible();
    }
    await page.screenshot({ path: "e2e/screenshots/home-admin.png", fullPage: true });
  });

  test("screens not built yet say so plainly", async ({ page }) => {
    await page.goto("/matrix");
    await expect(page.getByRole("heading", { name: "Not built yet" })).toBeVisible();
  });
});

test.describe("Home as a viewer", () => {
  asUser("viewer");

  test("has no Settings entry and is refused the settings screen", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("current-user")).toContainText(DEMO_USERS.viewer.name);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings & users" })).toHaveCount(0);
    await page.goto("/settings");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  });
});

test.describe("Home as a manager", () => {
  asUser("marketingManager");

  test("shows the manager's team", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("current-user")).toContainText("Brand & Content");
  });
});
