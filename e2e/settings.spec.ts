import { asUser, expect, test } from "./fixtures";

test.describe("settings as the admin", () => {
  asUser("admin");

  test("explains a bad time zone next to the field and keeps the saved one", async ({ page }) => {
    await page.goto("/settings");
    const zone = page.getByLabel("Time zone of the weekly review");
    await expect(zone).toHaveValue("UTC");
    await zone.fill("Mars/Olympus");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Not a time zone")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Time zone of the weekly review")).toHaveValue("UTC");
  });
});

test.describe("settings as a viewer", () => {
  asUser("viewer");

  test("are refused, page and forged write alike", async ({ page, baseURL }) => {
    await page.goto("/settings");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    const response = await page.request.patch("/api/settings", {
      data: { name: "Hacked", timeZone: "UTC", staleAfterDays: 1, overloadHighCriticalCells: 1, overloadConcernSharePct: 1, overloadConcernMinCells: 1 },
      headers: { origin: baseURL! },
    });
    expect(response.status()).toBe(403);
  });
});
