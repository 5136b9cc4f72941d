import { asUser, expect, test } from "./fixtures";

const forgedEdit = { expectedVersion: "forged", add: [{ personId: 1, role: "A" }], end: [] };

test.describe("the ownership matrix as the admin", () => {
  asUser("admin");

  test("shows every asset with its cells coloured by state, and not-applicable cells as such", async ({ page }) => {
    await page.goto("/matrix");
    const matrix = page.getByTestId("matrix");
    await expect(matrix.getByRole("link", { name: "Corporate website", exact: true })).toBeVisible();
    await expect(page.locator('[data-cell="spring-launch-microsite/seo-technical"]')).toHaveAttribute("data-tone", "critical");
    await expect(matrix.getByText("Does not apply").first()).toBeAttached();
    await page.screenshot({ path: "e2e/screenshots/matrix.png", fullPage: false });
  });

  test("filters by kind and concern home, kept in the URL", async ({ page }) => {
    await page.goto("/matrix");
    await page.getByLabel("Kind").selectOption("crm");
    await page.getByLabel("Concern home").selectOption("shared");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/kind=crm/);
    const assets = page.getByTestId("matrix").locator("tbody th");
    await expect(assets.filter({ hasText: "Salesforce Sales Cloud" })).toHaveCount(1);
    await expect(assets.filter({ hasText: "HubSpot CRM" })).toHaveCount(1);
    // Other specs may add assets meanwhile: every row shown must still be a CRM.
    for (const text of await assets.allInnerTexts()) expect(text).toContain("CRM ·");
    const columns = page.getByTestId("matrix").locator("thead th.matrix-concern");
    await expect(columns.filter({ hasText: "Privacy & compliance" })).toHaveCount(1);
    // The catalog spec may add a concern meanwhile: every column shown must still be a shared concern.
    for (const text of await columns.allInnerTexts()) expect(text).toContain("Shared");
  });

  test("assigns an accountable owner to an empty cell, previewing the result before saving", async ({ page }) => {
    await page.goto("/matrix?asset=zapier-lead-sync&concern=vendor-contract");
    const panel = page.getByTestId("cell-panel");
    await expect(panel.getByTestId("cell-state")).toContainText("No accountable");
    await panel.getByLabel("Person").fill("Grace");
    await panel.getByRole("button", { name: /Grace Liu/ }).click();
    // Grace is marketing; the concern is shared, so the preview warns before saving.
    await expect(panel.getByTestId("cell-preview")).toContainText("One-sided");
    await panel.getByText("R Responsible").click();
    await panel.getByLabel("Person").fill("Kofi");
    await panel.getByRole("button", { name: /Kofi Mensah/ }).click();
    await expect(panel.getByTestId("cell-preview")).toContainText("Covered");
    await page.screenshot({ path: "e2e/screenshots/cell-editor.png", fullPage: false });
    await panel.getByRole("button", { name: "Save changes" }).click();
    await expect(panel.getByTestId("cell-state")).toContainText("Covered");
    await expect(panel.getByTestId("cell-history")).toContainText("added Grace Liu as A");
    await expect(page.locator('[data-cell="zapier-lead-sync/vendor-contract"]')).toHaveAttribute("data-tone", "covered");
  });

  test("creates an asset and assigns its accountable owner", async ({ page, baseURL }) => {
    const key = `e2e-landing-${Date.now().toString(36)}`;
    const created = await page.request.post("/api/assets", {
      data: { key, name: `Landing page ${key}`, kindKey: "website", criticality: "high", lifecycle: "active" },
      headers: { origin: baseURL! },
    });
    expect(created.status()).toBe(200);
    await page.goto(`/matrix?q=${key}`);
    await expect(page.locator(`[data-cell="${key}/security-access"]`)).toHaveAttribute("data-tone", "critical");
    await page.locator(`[data-cell="${key}/security-access"]`).click();
    const panel = page.getByTestId("cell-panel");
    await panel.getByLabel("Person").fill("Felix");
    await panel.getByRole("button", { name: /Felix Braun/ }).click();
    await panel.getByRole("button", { name: "Save changes" }).click();
    await expect(panel.getByTestId("holders")).toContainText("Felix Braun");
    await expect(page.locator(`[data-cell="${key}/security-access"]`)).toHaveAttribute("data-tone", "covered");
  });

  test("offers to replace the accountable owner when a second one is chosen", async ({ page }) => {
    await page.goto("/matrix?asset=youtube-channel&concern=content");
    const panel = page.getByTestId("cell-panel");
    await panel.getByLabel("Person").fill("Hannah");
    await panel.getByRole("button", { name: /Hannah Kim/ }).click();
    await expect(panel.getByRole("alertdialog")).toContainText("is already accountable");
    await panel.getByRole("button", { name: "Replace with Hannah Kim" }).click();
    await panel.getByRole("button", { name: "Save changes" }).click();
    await expect(panel.getByTestId("holders")).toContainText("Hannah Kim");
    await expect(panel.getByTestId("cell-history")).toContainText("removed");
  });
});

test.describe("the ownership matrix as a manager", () => {
  asUser("marketingManager");

  test("edits a cell of their team", async ({ page }) => {
    await page.goto("/matrix?asset=linkedin-page&concern=content");
    const panel = page.getByTestId("cell-panel");
    await panel.getByText("I Informed").click();
    await panel.getByLabel("Person").fill("Daniel");
    await panel.getByRole("button", { name: /Daniel Okafor/ }).click();
    await panel.getByRole("button", { name: "Save changes" }).click();
    // The saved holder comes back from the server (no longer staged), and the notice outlives that refresh.
    await expect(panel.getByTestId("holders")).toContainText("Daniel Okafor");
    await expect(panel.getByTestId("holders")).not.toContainText("not saved yet");
    await expect(panel.getByTestId("cell-feedback")).toContainText("Saved");
    await expect(panel.getByRole("button", { name: "Save changes" })).toBeDisabled();
  });

  test("cannot edit another team's cell, and a forged save is refused", async ({ page }) => {
    await page.goto("/matrix?asset=snowflake-warehouse&concern=backup-recovery");
    const panel = page.getByTestId("cell-panel");
    await expect(panel.getByTestId("read-only-note")).toBeVisible();
    await expect(panel.getByTestId("cell-editor")).toHaveCount(0);
    const response = await page.request.post("/api/cells/snowflake-warehouse/backup-recovery", { data: forgedEdit });
    expect(response.status()).toBe(403);
    await page.reload();
    await expect(panel.getByTestId("holders")).not.toContainText("Maya Fischer");
  });
});

test.describe("the ownership matrix as a viewer", () => {
  asUser("viewer");

  test("shows no edit controls and refuses a forged save", async ({ page, baseURL }) => {
    await page.goto("/matrix?asset=corporate-website&concern=content");
    await expect(page.getByTestId("cell-panel").getByTestId("read-only-note")).toContainText("Viewers read ownership");
    await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
    const response = await page.request.post("/api/cells/corporate-website/content", { data: forgedEdit, headers: { origin: baseURL! } });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, code: "forbidden" });
  });

  test("a cross-site request is refused before anything else", async ({ page }) => {
    await page.goto("/");
    const response = await page.request.post("/api/cells/corporate-website/content", {
      data: forgedEdit,
      headers: { origin: "https://evil.example" },
    });
    expect(response.status()).toBe(403);
  });
});
