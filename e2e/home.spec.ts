import { asUser, DEMO_USERS, expect, test } from "./fixtures";

test.describe("Home as the admin", () => {
  asUser("admin");

  test("shows the demo organisation's live figures and every screen in the navigation", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
    // The demo has 39 assets in scope and 29 active people; other specs may add more while this one runs.
    const figure = async (testId: string) => Number((await page.getByTestId(testId).locator(".stat-value").innerText()).trim());
    expect(await figure("stat-assets")).toBeGreaterThanOrEqual(39);
    expect(await figure("stat-people")).toBeGreaterThanOrEqual(29);
    await expect(page.getByTestId("stat-people")).toContainText(/in \d+ teams/);
    // Coverage comes from the rules engine over the same cells the cell count shows.
    const cells = await figure("stat-cells");
    expect(cells).toBeGreaterThanOrEqual(240);
    await expect(page.getByTestId("coverage-overall")).toContainText(/\d{1,3}\.\d% *\d+ of \d+ cells in scope/);
    for (const home of ["marketing", "it", "shared"]) {
      await expect(page.getByTestId(`coverage-${home}`)).toContainText(/\d+\.\d%/);
    }
    // Data Engineering skipped last week's review in the demo.
    await expect(page.getByTestId("overdue-teams")).toContainText("Data Engineering");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of ["Home", "Assets", "Ownership matrix", "Weekly review", "Gap report", "People & teams", "Settings & users"]) {
      await expect(nav.getByRole("link", { name: label })).toBeVisible();
    }
    await page.screenshot({ path: "e2e/screenshots/home-admin.png", fullPage: true });
  });

  test("screens not built yet say so plainly", async ({ page }) => {
    await page.goto("/report");
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

  test("shows the manager's team and this week's review", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("current-user")).toContainText("Brand & Content");
    await expect(page.getByTestId("home-review")).toContainText(/Brand & Content, week \d{4}-W\d{2}/);
  });
});
