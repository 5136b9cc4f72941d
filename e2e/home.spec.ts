import AxeBuilder from "@axe-core/playwright";
import { asUser, DEMO_USERS, expect, test } from "./fixtures";

test.describe("Home as the admin", () => {
  asUser("admin");

  test("says on every screen that the demo's accounts sign in with the public password", async ({ page }) => {
    for (const screen of ["/", "/report", "/people", "/settings"]) {
      await page.goto(screen);
      await expect(page.getByTestId("demo-banner")).toContainText(/accounts? \(.*@example\.org.*\) sign in with the public demo password/);
    }
    await page.screenshot({ path: "e2e/screenshots/demo-banner.png" });
  });

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
    // One line per team, with each of its overdue weeks of the last 12.
    await expect(page.getByTestId("overdue-teams").getByRole("listitem").filter({ hasText: "Data Engineering" })).toContainText(/Data Engineering: \d+ weeks, \d{4}-W\d{2}/);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of ["Home", "Assets", "Ownership matrix", "Weekly review", "Gap report", "People & teams", "Settings & users"]) {
      await expect(nav.getByRole("link", { name: label })).toBeVisible();
    }
    // The 12-week trend streams in after the rest of the page.
    await expect(page.getByTestId("chart-coverage-trend-home")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Not built yet" })).toHaveCount(0);
    await page.screenshot({ path: "e2e/screenshots/home-admin.png", fullPage: true });
    await page.getByTestId("chart-coverage-trend-home").getByText("Data table").click();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
  });

  test("shows the coverage trend of the last 12 weeks, each week opening the report as of that week", async ({ page }) => {
    await page.goto("/");
    const trend = page.getByTestId("chart-coverage-trend-home");
    await expect(trend.getByRole("heading", { name: "Coverage over 12 weeks" })).toBeVisible();
    await expect(trend.locator(".chart-summary")).toContainText(/Coverage (rose|fell|stayed)/);
    await trend.getByText("Data table").click();
    const weeks = trend.getByRole("table").locator("tbody tr");
    await expect(weeks).toHaveCount(12);
    const firstWeek = weeks.first().getByRole("link");
    const asOf = (await weeks.first().innerText()).match(/as of (\d{4}-\d{2}-\d{2})/)?.[1];
    expect(asOf).toBeTruthy();
    await firstWeek.click();
    await expect(page).toHaveURL(new RegExp(`/report\\?asOf=${asOf}`));
    await expect(page.getByTestId("report-as-of")).toContainText("as of the end of");
  });

  test("lists the top five gaps, ranked, and a gap leads to its cell in the report", async ({ page }) => {
    await page.goto("/");
    const items = page.getByTestId("top-gaps").getByRole("listitem");
    await expect(items).toHaveCount(5);
    const scores: number[] = [];
    for (const item of await items.all()) {
      await expect(item.locator(".gap-badge").first()).toBeVisible();
      await expect(item.getByRole("link")).toHaveAttribute("href", /^\/report\?selCell=[^&]+$/);
      scores.push(Number((await item.locator(".top-cell-score strong").innerText()).trim()));
    }
    expect(scores.every((score) => score > 0)).toBe(true);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const first = items.first().getByRole("link");
    const cell = decodeURIComponent((await first.getAttribute("href"))!.split("selCell=")[1]!);
    await first.click();
    await expect(page).toHaveURL(/\/report\?selCell=/);
    const rows = page.getByTestId("report-row");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute("data-cell", cell);
    await expect(rows.first().getByTestId("row-score")).toContainText(String(scores[0]));
    await expect(page.getByTestId("report-selection")).toBeVisible();
  });

  test("lists the top collaboration hotspots, each leading to its cell in the report", async ({ page }) => {
    await page.goto("/");
    const panel = page.getByTestId("top-hotspots");
    const items = panel.getByRole("listitem");
    await expect(items).toHaveCount(5);
    await expect(items.first()).toContainText(/in 8 weeks/);
    const link = items.nth(1).getByRole("link");
    const cell = decodeURIComponent((await link.getAttribute("href"))!.split("selCell=")[1]!);
    await link.click();
    await expect(page.getByTestId("report-row")).toHaveCount(1);
    await expect(page.getByTestId("report-row").first()).toHaveAttribute("data-cell", cell);

    await page.goto("/");
    await page.getByTestId("top-hotspots").getByRole("link", { name: "Open the hotspots in the gap report" }).click();
    await expect(page).toHaveURL(/\/report\?selHotspots=1/);
    await expect(page.getByTestId("report-row").first()).toBeVisible();
    await page.goto("/");
    await page.getByTestId("top-gaps").getByRole("link", { name: "Open the gap report" }).click();
    await expect(page).toHaveURL(/\/report$/);
    await expect(page.getByRole("heading", { level: 1, name: "Gap report" })).toBeVisible();
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
