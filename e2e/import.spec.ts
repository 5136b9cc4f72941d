import { randomBytes } from "node:crypto";
import { asUser, expect, test } from "./fixtures";

/** Every test writes its own uniquely named rows: the demo database is shared by parallel workers. */
const uniqueId = () => randomBytes(4).toString("hex");

const csv = (name: string, lines: string[]) => ({ name, mimeType: "text/csv", buffer: Buffer.from(`${lines.join("\n")}\n`) });

test.describe("Import as the admin", () => {
  asUser("admin");

  test("a file with a bad row shows its line and column, cannot be confirmed and writes nothing", async ({ page }) => {
    const id = uniqueId();
    await page.goto("/settings/import");
    await expect(page.getByRole("heading", { level: 1, name: "Import and export" })).toBeVisible();
    await page.getByTestId("import-file-assets").setInputFiles(
      csv("assets.csv", [
        "key,name,kind,criticality,lifecycle,url,vendor",
        `e2e-good-${id},Good asset ${id},website,low,active,https://good.example,`,
        `e2e-bad-${id},Bad asset ${id},website,urgent,active,,`,
      ]),
    );
    await page.getByRole("button", { name: "Preview" }).click();

    const errors = page.getByTestId("import-errors");
    await expect(errors).toBeVisible();
    const row = errors.getByRole("row").filter({ hasText: "criticality" });
    await expect(row.getByRole("cell")).toHaveText(["assets.csv", "3", "criticality", "must be one of low, medium, high, critical"]);
    await expect(page.getByTestId("import-summary-assets.csv")).toContainText("1");
    await expect(page.getByRole("button", { name: "Confirm import" })).toBeDisabled();
    await page.screenshot({ path: "e2e/screenshots/import-preview-errors.png", fullPage: true });

    const exported = await page.request.get("/api/export/assets.csv");
    expect(exported.status()).toBe(200);
    expect(exported.headers()["content-disposition"]).toBe('attachment; filename="assets.csv"');
    const text = await exported.text();
    expect(text).toContain("corporate-website,");
    expect(text).not.toContain(`e2e-good-${id}`);
    expect(text).not.toContain(`e2e-bad-${id}`);
  });

  test("a formula in a cell is refused with its line and column, and nothing can be confirmed", async ({ page }) => {
    const id = uniqueId();
    await page.goto("/settings/import");
    await page.getByTestId("import-file-assets").setInputFiles(
      csv("assets.csv", ["key,name,kind,criticality,lifecycle,url,vendor", `e2e-formula-${id},Formula ${id},website,low,active,,"=HYPERLINK(""http://x.example"")"`]),
    );
    await page.getByRole("button", { name: "Preview" }).click();
    const row = page.getByTestId("import-errors").getByRole("row").filter({ hasText: "vendor" });
    await expect(row.getByRole("cell")).toHaveText([
      "assets.csv",
      "2",
      "vendor",
      "starts with =, so a spreadsheet would run it as a formula: to import it as text, put a single quote before it ('=...)",
    ]);
    await expect(page.getByRole("button", { name: "Confirm import" })).toBeDisabled();
    await page.screenshot({ path: "e2e/screenshots/import-formula-refused.png", fullPage: true });
  });

  test("a valid import is previewed, confirmed and shows what it did", async ({ page }) => {
    const id = uniqueId();
    const email = `e2e.${id}@example.org`;
    await page.goto("/settings/import");
    await page.getByTestId("import-file-people").setInputFiles(
      csv("people.csv", ["email,name,team,function,role,active", `${email},E2E Person ${id},E2E Team ${id},marketing,none,true`]),
    );
    await page.getByTestId("import-file-assets").setInputFiles(
      csv("assets.csv", ["key,name,kind,criticality,lifecycle,url,vendor", `e2e-asset-${id},E2E asset ${id},website,medium,active,,'=Vendor`]),
    );
    await page.getByTestId("import-file-assignments").setInputFiles(
      csv("assignments.csv", [
        "asset_key,concern_key,person_email,role,confirmed_at",
        `e2e-asset-${id},content,${email},A,2026-01-05`,
        `e2e-asset-${id},content,${email},R,`,
      ]),
    );
    const confirm = page.getByRole("button", { name: "Confirm import" });
    await expect(confirm).toBeDisabled();
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByTestId("import-summary-assignments.csv").getByRole("cell")).toHaveText(["2", "2", "0", "0", "0", "0"]);
    await expect(page.getByTestId("import-teams")).toHaveText(`Teams to create: E2E Team ${id}`);
    await expect(page.getByTestId("import-errors")).toHaveCount(0);

    await confirm.click();
    const success = page.getByTestId("import-success");
    await expect(success).toContainText("Imported.");
    await expect(success).toContainText("people.csv: 1 created, 0 updated, 0 unchanged");
    await expect(success).toContainText("assignments.csv: 2 created, 0 updated, 0 unchanged, 0 ended");
    await expect(confirm).toBeDisabled();
    await page.screenshot({ path: "e2e/screenshots/import-applied.png", fullPage: true });

    const assets = await (await page.request.get("/api/export/assets.csv")).text();
    // The formula-looking vendor, quoted as text, is data on import and escaped again for spreadsheets on export.
    expect(assets).toContain(`e2e-asset-${id},E2E asset ${id},website,medium,active,,'=Vendor`);
    const assignments = await (await page.request.get("/api/export/assignments.csv")).text();
    expect(assignments).toContain(`e2e-asset-${id},content,${email},R,\ne2e-asset-${id},content,${email},A,`);
  });
});

test.describe("Import as a viewer", () => {
  asUser("viewer");

  test("is refused: the page says so and the API answers 403 without writing", async ({ page }) => {
    const id = uniqueId();
    await page.goto("/settings/import");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();

    const response = await page.request.post("/api/import", {
      multipart: {
        mode: "apply",
        assets: csv("assets.csv", ["key,name,kind,criticality,lifecycle,url,vendor", `e2e-viewer-${id},Viewer asset,website,low,active,,`]),
      },
    });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, code: "forbidden" });

    const exported = await page.request.get("/api/export/assets.csv");
    expect(exported.status()).toBe(200);
    expect(await exported.text()).not.toContain(`e2e-viewer-${id}`);
  });
});
