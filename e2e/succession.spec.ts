import type { Page } from "@playwright/test";
import { asUser, expect, test } from "./fixtures";

/**
 * Issue 18, item 3: handing a leaver's cells over in one step. The admin's leaver is made for the run (an asset
 * of their own, so no other spec's cells change); the viewer looks at the demo's leaver Ravi Patel.
 */

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

/** The id in a link's address, found through the people search. */
async function personIdOf(page: Page, query: string, name: string): Promise<number> {
  await page.goto(`/people?q=${encodeURIComponent(query)}`);
  const href = await page.getByRole("link", { name, exact: true }).first().getAttribute("href");
  return Number(href!.split("/").pop());
}

test.describe("Succession as the admin", () => {
  asUser("admin");

  test("a leaver's cells are listed with suggestions and handed over in one step; Home stops listing them", async ({ page, baseURL }) => {
    const suffix = unique();
    const headers = { Origin: baseURL! };
    const name = `Lee Leaving ${suffix}`;
    const assetKey = `e2e-succession-${suffix}`;
    await page.goto("/teams");
    const teamId = Number((await page.getByRole("link", { name: "Web Platform", exact: true }).first().getAttribute("href"))!.split("/").pop());
    const created = await page.request.post("/api/people", { data: { email: `lee.${suffix}@example.org`, name, teamId, role: "none" }, headers });
    expect(created.status()).toBe(200);
    const leaverId = ((await created.json()) as { data: { id: number } }).data.id;
    const nina = await personIdOf(page, "nina.petrova", "Nina Petrova");
    const asset = await page.request.post("/api/assets", { data: { key: assetKey, name: `Pop-up shop ${suffix}`, kindKey: "website", criticality: "high", lifecycle: "active" }, headers });
    expect(asset.status()).toBe(200);
    const cells: [string, { personId: number; role: string }[]][] = [
      ["hosting-uptime", [{ personId: leaverId, role: "A" }, { personId: nina, role: "R" }]],
      ["backup-recovery", [{ personId: leaverId, role: "A" }]],
      ["security-access", [{ personId: leaverId, role: "R" }]],
    ];
    for (const [concernKey, add] of cells) {
      const response = await page.request.post(`/api/cells/${assetKey}/${concernKey}`, { data: { expectedVersion: "empty", add, end: [] }, headers });
      expect(response.status()).toBe(200);
    }

    // Still active, they are leaving: the admin opens the succession section from the header.
    await page.goto(`/people/${leaverId}`);
    await expect(page.getByTestId("succession")).toHaveCount(0);
    await page.getByRole("link", { name: "Hand over their cells" }).click();
    await expect(page.getByTestId("succession")).toContainText(`${name} holds A or R on 3 cells`);
    await page.getByRole("button", { name: "Deactivate…" }).click();
    await page.getByRole("button", { name: "Deactivate", exact: true }).click();
    const succession = page.getByTestId("succession");
    await expect(succession).toContainText(`${name} still holds A or R on 3 cells`);
    await expect(succession.getByTestId("succession-asset")).toHaveCount(1);
    const hosting = succession.getByTestId("succession-cell").filter({ hasText: "Hosting" });
    await expect(hosting.getByRole("combobox")).toHaveValue(String(nina));
    await expect(hosting.getByTestId("successor-reason")).toHaveText("already responsible here");
    await page.screenshot({ path: "e2e/screenshots/succession.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "e2e/screenshots/succession-390.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.goto("/");
    await expect(page.getByTestId("home-leaver").filter({ hasText: name })).toContainText("3 cells");
    await page.getByRole("link", { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/people/${leaverId}#succession$`));

    await page.getByTestId("hand-over").click();
    await expect(page.getByTestId("hand-over-result")).toHaveText("Handed over 3 cells.");
    await expect(page.getByTestId("succession-done")).toBeVisible();
    await expect(page.getByTestId("audit-history")).toContainText("handed their cells over");

    await page.goto("/");
    await expect(page.getByTestId("home-leavers")).toBeVisible();
    await expect(page.getByTestId("home-leaver").filter({ hasText: name })).toHaveCount(0);
  });
});

test.describe("Succession as a viewer", () => {
  asUser("viewer");

  test("sees a leaver's cells and suggestions but no hand-over controls, and no leavers panel on Home", async ({ page }) => {
    const ravi = await personIdOf(page, "ravi.patel", "Ravi Patel");
    await page.goto(`/people/${ravi}`);
    await expect(page.getByTestId("succession")).toBeVisible();
    await expect(page.getByTestId("hand-over")).toHaveCount(0);
    await expect(page.getByTestId("succession").getByRole("checkbox")).toHaveCount(0);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
    await expect(page.getByTestId("home-leavers")).toHaveCount(0);
  });
});
