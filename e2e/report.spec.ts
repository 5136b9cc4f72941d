import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { GAP_LABEL } from "@/lib/rules/gap-labels";
import type { GapType } from "@/lib/rules";
import { asUser, expect, test } from "./fixtures";

const DEMO_CRM_ASSETS = ["salesforce-sales-cloud", "hubspot-crm"];

/** The ranked table's cells (`assetKey/concernKey`), in the order shown. */
async function tableCells(page: Page): Promise<string[]> {
  return page.getByTestId("report-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-cell") ?? ""));
}

/** The number of cells the table's caption announces over all its pages. */
async function tableTotal(page: Page): Promise<number> {
  const caption = await page.getByTestId("report-gap-table").locator("caption").innerText();
  return Number(/(\d+) cells?\.$/.exec(caption.trim())?.[1]);
}

test.describe("the gap report as the admin", () => {
  asUser("admin");

  test("filters through the form: the URL carries the filters and the table only matching rows", async ({ page }) => {
    await page.goto("/report");
    await expect(page.getByRole("heading", { level: 1, name: "Gap report" })).toBeVisible();
    const filters = page.getByRole("search", { name: "Filter the report" });
    await filters.getByLabel("Asset kind").selectOption("crm");
    await filters.getByLabel("Gap type").selectOption("stale");
    await filters.getByRole("button", { name: "Apply" }).click();
    // The form's empty fields are dropped: the link says only what it means.
    await expect(page).toHaveURL(/\/report\?kind=crm&gap=stale$/);
    await expect(filters.getByLabel("Asset kind")).toHaveValue("crm");
    const cells = await tableCells(page);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(DEMO_CRM_ASSETS).toContain(cell.split("/")[0]);
    for (const gaps of await page.getByTestId("row-gaps").allInnerTexts()) expect(gaps).toContain("Stale");
    // Filters narrow the charts too: the gaps chart only has the stale bar left.
    const gapsChart = page.getByTestId("chart-gaps-by-type");
    await expect(gapsChart.getByRole("link", { name: "Stale", exact: true, includeHidden: true })).toBeAttached();
    await expect(gapsChart.getByRole("link", { name: "One-sided", exact: true, includeHidden: true })).toHaveCount(0);

    await filters.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/report$/);
    expect(await tableTotal(page)).toBeGreaterThan(cells.length);
  });

  test("drills down from a bar of the gaps chart: the table narrows to its cells and says so", async ({ page }) => {
    await page.goto("/report");
    const before = await tableTotal(page);
    await page.getByTestId("chart-gaps-by-type").locator(".recharts-bar-rectangle").first().click();
    await expect(page).toHaveURL(/selGap=/);
    const selGap = new URL(page.url()).searchParams.get("selGap") as GapType;
    const chip = page.getByTestId("report-selection");
    await expect(chip).toContainText("Showing the cells behind:");
    await expect(chip).toContainText(`${GAP_LABEL[selGap]} gaps`);
    await expect(page.getByRole("heading", { name: "Cells behind the selection" })).toBeVisible();
    expect(await tableTotal(page)).toBeLessThan(before);
    for (const gaps of await page.getByTestId("row-gaps").allInnerTexts()) expect(gaps).toContain(GAP_LABEL[selGap]);
    // The charts keep their context: a selection narrows only the table.
    const otherType = selGap === "stale" ? "One-sided" : "Stale";
    await expect(page.getByTestId("chart-gaps-by-type").getByRole("link", { name: otherType, exact: true, includeHidden: true })).toBeAttached();

    await chip.getByRole("link", { name: "Clear the selection" }).click();
    await expect(page).not.toHaveURL(/selGap=/);
    await expect(chip).toHaveCount(0);
    expect(await tableTotal(page)).toBe(before);
  });

  test("drills down from a heatmap square: covered cells behind it are listed too", async ({ page }) => {
    await page.goto("/report");
    const heatmap = page.getByTestId("chart-coverage-heatmap");
    await heatmap.locator(".chart-clickable-mark").first().click();
    await expect(page).toHaveURL(/selKind=.+&selConcern=/);
    const selConcern = new URL(page.url()).searchParams.get("selConcern")!;
    await expect(page.getByTestId("report-selection")).toContainText("Showing the cells behind: Cells of");
    // The heatmap's data table marks the selected square, with its covered and in-scope cells.
    const counts = await heatmap.locator('tr:has(a[aria-current="true"]) td').last().textContent();
    const [, covered, inScope] = /(\d+) of (\d+)/.exec(counts ?? "")!.map(Number);
    expect(covered).toBeGreaterThan(0);
    expect(await tableTotal(page)).toBe(inScope);
    const cells = await tableCells(page);
    for (const cell of cells) expect(cell.split("/")[1]).toBe(selConcern);
    // A covered cell can still be stale or flagged; it is uncovered only with one of the five coverage gaps.
    const coverageGaps = /No accountable|Several accountable|No responsible|Departed owner|One-sided/;
    const gaps = await page.getByTestId("row-gaps").allInnerTexts();
    expect(gaps.filter((text) => !coverageGaps.test(text))).toHaveLength(covered!);
  });

  test("sorts by a column both ways and pages on the server", async ({ page }) => {
    await page.goto("/report");
    const scoreHeader = page.getByRole("columnheader", { name: /Score/ });
    await expect(scoreHeader).toHaveAttribute("aria-sort", "descending");
    const scores = (await page.getByTestId("row-score").allInnerTexts()).map(Number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    await page.getByTestId("sort-asset").click();
    await expect(page).toHaveURL(/sort=asset/);
    await expect(page.getByRole("columnheader", { name: /Asset/ })).toHaveAttribute("aria-sort", "ascending");
    await expect(scoreHeader).not.toHaveAttribute("aria-sort");
    const ascending = (await tableCells(page)).map((cell) => cell.split("/")[0]!);
    expect(ascending).toEqual([...ascending].sort());

    await page.getByTestId("sort-asset").click();
    await expect(page).toHaveURL(/sort=-asset/);
    await expect(page.getByRole("columnheader", { name: /Asset/ })).toHaveAttribute("aria-sort", "descending");
    const descending = (await tableCells(page)).map((cell) => cell.split("/")[0]!);
    expect(descending).toEqual([...descending].sort().reverse());

    // The demo has more than one page of gaps.
    expect(await tableTotal(page)).toBeGreaterThan(25);
    const firstPage = await tableCells(page);
    const pages = page.getByRole("navigation", { name: "Pages" });
    await pages.getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(/sort=-asset&page=2/);
    await expect(pages).toContainText("Page 2 of");
    const secondPage = await tableCells(page);
    expect(secondPage.length).toBeGreaterThan(0);
    for (const cell of secondPage) expect(firstPage).not.toContain(cell);
    // Still sorted across the page break.
    expect(secondPage[0]!.split("/")[0]! <= firstPage.at(-1)!.split("/")[0]!).toBe(true);
  });

  test("downloads the CSV of the filtered, drilled-down view with the table's rows", async ({ page }) => {
    await page.goto("/report?kind=crm&gap=stale");
    const shown = await tableCells(page);
    expect(shown.length).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-download").click()]);
    expect(download.suggestedFilename()).toMatch(/^tandem-gap-report-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile((await download.path())!, "utf8");
    const [header] = text.split("\n");
    expect(header).toBe("asset_key,asset_name,concern_key,concern_name,gap_type,severity,score,asset_criticality,holders,last_confirmed");
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.every((row) => row.gap_type === "stale" && DEMO_CRM_ASSETS.includes(row.asset_key!))).toBe(true);
    expect(rows.map((row) => `${row.asset_key}/${row.concern_key}`)).toEqual(shown);

    // A drill-down narrows the download like the table.
    await page.goto(`/report?kind=crm&gap=stale&selCell=${shown[0]}`);
    await expect(page.getByTestId("report-selection")).toBeVisible();
    const [drilled] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-download").click()]);
    const drilledRows = parse(await readFile((await drilled.path())!, "utf8"), { columns: true }) as Record<string, string>[];
    expect(drilledRows.map((row) => `${row.asset_key}/${row.concern_key}`)).toEqual([shown[0]]);
  });

  test("falls back to the defaults on hand-edited parameters", async ({ page }) => {
    const response = await page.goto("/report?team=abc&criticality=huge&sort=-password&page=999&selPair=x&asOf=2026-13-45&weeks=7");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/report\?page=999$/);
    await expect(page.getByRole("heading", { level: 1, name: "Gap report" })).toBeVisible();
    // A page past the end shows the last one.
    await expect(page.getByRole("navigation", { name: "Pages" })).toContainText(/Page (\d+) of \1/);
    await page.goto("/report?selTeam=999999");
    await expect(page.getByTestId("report-empty")).toHaveText("No cell is behind this selection.");
  });

  test("has no serious or critical accessibility violation, data tables opened", async ({ page }) => {
    // axe walks every node of a long page with all data tables open: slow on a busy 2-core machine.
    test.setTimeout(90_000);
    await page.goto("/report?selGap=stale");
    for (const details of await page.locator("details.chart-data").all()) await details.locator("summary").click();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});

test.describe("the gap report as a viewer", () => {
  asUser("viewer");

  test("reads the whole report, prints a clean page and is screenshotted", async ({ page }) => {
    await page.goto("/report");
    await expect(page.getByRole("heading", { level: 1, name: "Gap report" })).toBeVisible();
    await expect(page.getByTestId("report-as-of")).toContainText(/as of \d{1,2} \w{3} \d{4}/);
    for (const heading of ["Coverage", "Gaps and load", "Collaboration between marketing and IT", "Ranked gaps"]) {
      await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    }
    expect((await tableCells(page)).length).toBe(25);
    await expect(page.getByTestId("report-download")).toBeVisible();
    await expect(page.getByTestId("report-coverage-overall")).toContainText(/\d+\.\d%/);
    await page.screenshot({ path: "e2e/screenshots/report.png", fullPage: true });

    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(page.getByTestId("report-filters")).toBeHidden();
    await expect(page.getByTestId("report-download")).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Pages" })).toBeHidden();
    await expect(page.locator(".report-print-url")).toHaveText(/^https?:\/\/[^/]+\/report$/);
    await page.screenshot({ path: "e2e/screenshots/report-print.png", fullPage: true });
  });
});
