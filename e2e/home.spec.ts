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
    // 251 asset x concern cells apply to the 39 assets in scope; coverage comes from the rules engine.
    await expect(page.getByTestId("stat-cells")).toContainText("251");
    await expect(page.getByTestId("coverage-overall")).toContainText(/\d{2}\.\d% *\d+ of 251 cells in scope/);
    for (const home of ["marketing", "it", "shared"]) {
      await expect(page.getByTestId(`coverage-${home}`)).toContainText(/\d+\.\d%/);
    }
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
