import { asUser, expect, test } from "./fixtures";

const uniqueKey = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

test.describe("Concerns & kinds as the admin", () => {
  asUser("admin");

  test("adds a concern and ticks a kind: its cells in scope follow", async ({ page }) => {
    const key = uniqueKey("e2e-concern");
    const name = `E2E concern ${key}`;
    await page.goto("/catalog");
    const form = page.getByRole("form", { name: "Add a concern" });
    await form.getByLabel("Key").fill(key);
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Home").selectOption("shared");
    await form.getByRole("button", { name: "Add concern" }).click();
    await expect(form).toContainText(`Added "${name}"`);

    const row = page.getByTestId(`concern-row-${key}`);
    const cells = page.getByTestId(`cells-${key}`).locator("strong");
    await expect(cells).toHaveText("0");

    // A new concern, so parallel specs see no change. Ticked for social accounts, it gets one cell per
    // social account in scope, as the kinds table counts them.
    const kindRow = page.getByTestId("kind-table").getByRole("row").filter({ hasText: "social-account" });
    const socialAccountCount = (await kindRow.locator("td").last().textContent())!.trim();
    expect(Number(socialAccountCount)).toBeGreaterThan(0);
    await row.getByRole("checkbox", { name: `${name} applies to Social account` }).check();
    await expect(cells).toHaveText(socialAccountCount);
    await expect(page.getByTestId(`concern-${key}`)).toContainText(name);

    // Clearing the box takes the cells out of scope again (and leaves the shared figures as they were).
    await page.getByTestId(`concern-row-${key}`).getByRole("checkbox", { name: `${name} applies to Social account` }).uncheck();
    await expect(cells).toHaveText("0");
    await page.reload();
    await expect(page.getByTestId(`concern-row-${key}`).getByRole("checkbox", { name: `${name} applies to Social account` })).not.toBeChecked();
  });

  test("a new kind gets the concerns that apply to every kind at once", async ({ page }) => {
    await page.goto("/catalog");
    const privacy = page.getByTestId("concern-row-privacy-compliance");
    await expect(privacy.getByRole("checkbox", { name: /applies to every kind/ })).toBeChecked();
    const key = uniqueKey("e2e-kind");
    const form = page.getByRole("form", { name: "Add an asset kind" });
    await form.getByLabel("Key").fill(key);
    await form.getByLabel("Label").fill(`Kind ${key}`);
    await form.getByRole("button", { name: "Add kind" }).click();
    await expect(form).toContainText("2 concerns apply to every kind, this one included");
    await expect(privacy.getByRole("checkbox", { name: `Privacy & compliance (GDPR, CCPA, consent) applies to Kind ${key}` })).toBeChecked();
    await expect(page.getByTestId("concern-row-content").getByRole("checkbox", { name: `Content & messaging applies to Kind ${key}` })).not.toBeChecked();
  });

  test("refuses a taken concern key next to the field", async ({ page }) => {
    await page.goto("/catalog");
    const form = page.getByRole("form", { name: "Add a concern" });
    await form.getByLabel("Key").fill("content");
    await form.getByLabel("Name").fill("Content again");
    await form.getByRole("button", { name: "Add concern" }).click();
    await expect(page.getByTestId("new-concern-key-error")).toHaveText("That key is taken.");
    await expect(form.getByLabel("Name")).toHaveValue("Content again");
  });

  test("screenshot of the catalog", async ({ page }) => {
    await page.goto("/catalog");
    await expect(page.getByTestId("applicability-grid")).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/catalog.png", fullPage: true });
  });
});

test.describe("Concerns & kinds as a manager", () => {
  asUser("marketingManager");

  test("reads the catalog but cannot edit it, even with a forged request", async ({ page, baseURL }) => {
    await page.goto("/catalog");
    await expect(page.getByRole("heading", { level: 1, name: "Concerns & kinds" })).toBeVisible();
    const box = page.getByRole("checkbox", { name: "Content & messaging applies to Website" });
    await expect(box).toBeChecked();
    await expect(box).toBeDisabled();
    await expect(page.getByRole("form", { name: "Add a concern" })).toHaveCount(0);
    await expect(page.getByRole("form", { name: "Add an asset kind" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(0);

    const response = await page.request.patch("/api/concerns/content", { data: { kindKeys: [] }, headers: { Origin: baseURL! } });
    expect(response.status()).toBe(403);
    await page.reload();
    await expect(page.getByRole("checkbox", { name: "Content & messaging applies to Website" })).toBeChecked();
  });
});
