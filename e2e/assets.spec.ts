import { asUser, expect, test } from "./fixtures";

/** Specs share one database and run in parallel: every asset written here has its own random key. */
const uniqueKey = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

test.describe("Assets as the admin", () => {
  asUser("admin");

  test("creates an asset, edits it, finds it by search and retires it", async ({ page }) => {
    const key = uniqueKey("e2e-asset");
    await page.goto("/assets");
    await page.getByRole("link", { name: "New asset" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New asset" })).toBeVisible();

    // Bad input first: errors next to the fields, and the typed values stay.
    await page.getByLabel("Key").fill("Not A Slug");
    await page.getByLabel("Name").fill(`Asset ${key}`);
    await page.getByLabel("Kind").selectOption("crm");
    await page.getByLabel("Web address").fill("crm.example");
    await page.getByRole("button", { name: "Create asset" }).click();
    await expect(page.getByTestId("asset-key-error")).toContainText("lower-case letters");
    await expect(page.getByTestId("asset-url-error")).toContainText("http");
    await expect(page.getByLabel("Name")).toHaveValue(`Asset ${key}`);
    await page.screenshot({ path: "e2e/screenshots/asset-form-errors.png", fullPage: true });

    await page.getByLabel("Key").fill(key);
    await page.getByLabel("Web address").fill("https://crm.example");
    await page.getByLabel("Vendor").fill("E2E Vendor");
    await page.getByRole("button", { name: "Create asset" }).click();
    await expect(page).toHaveURL(`/assets/${key}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Asset ${key}`);
    await expect(page.getByTestId("asset-cells").locator("tbody tr").first()).toBeVisible();

    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await expect(page.getByTestId("asset-key")).toHaveText(key);
    await page.getByLabel("Name").fill(`Edited ${key}`);
    await page.getByLabel("Criticality").selectOption("critical");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(`/assets/${key}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Edited ${key}`);
    await expect(page.getByTestId("asset-history")).toContainText("edited the asset");
    await expect(page.getByTestId("asset-history")).toContainText("created the asset");

    await page.goto("/assets");
    await page.getByRole("searchbox", { name: "Search" }).fill(key.toUpperCase());
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]q=/);
    const rows = page.getByTestId("asset-table").locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await rows.getByRole("link", { name: `Edited ${key}` }).click();

    await page.getByRole("button", { name: "Retire" }).click();
    await expect(page.getByRole("alertdialog")).toContainText("Its owners and history are kept");
    await page.getByRole("button", { name: "Yes, retire it" }).click();
    await expect(page.getByTestId("retired-notice")).toContainText("Retired on");
    await expect(page.getByTestId("asset-lifecycle")).toHaveText("Retired");
    await expect(page.getByRole("button", { name: "Retire" })).toHaveCount(0);
    await expect(page.getByTestId("asset-cells")).toContainText("Out of scope");
    await expect(page.getByTestId("asset-history")).toContainText("retired the asset");
    await page.screenshot({ path: "e2e/screenshots/asset-retired.png", fullPage: true });
  });

  test("an edit made on a stale form is refused with the newer values, never overwriting silently", async ({ page, context, baseURL }) => {
    const key = uniqueKey("e2e-conflict");
    const created = await page.request.post("/api/assets", {
      data: { key, name: `Conflict ${key}`, kindKey: "analytics", criticality: "low", lifecycle: "active" },
      headers: { Origin: baseURL! },
    });
    expect(created.status()).toBe(200);

    const other = await context.newPage();
    await page.goto(`/assets/${key}/edit`);
    await other.goto(`/assets/${key}/edit`);
    await other.getByLabel("Name").fill(`Theirs ${key}`);
    await other.getByRole("button", { name: "Save changes" }).click();
    await expect(other).toHaveURL(`/assets/${key}`);

    await page.getByLabel("Name").fill(`Mine ${key}`);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByTestId("form-error")).toContainText("Someone changed this asset");
    await expect(page.getByTestId("conflict-notice")).toContainText(`Theirs ${key}`);
    await expect(page.getByLabel("Name")).toHaveValue(`Mine ${key}`);
    await page.screenshot({ path: "e2e/screenshots/asset-edit-conflict.png", fullPage: true });

    // Having seen their values, saving again is a deliberate choice.
    await page.getByRole("button", { name: "Save mine anyway" }).click();
    await expect(page).toHaveURL(`/assets/${key}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Mine ${key}`);
  });

  test("filters the list by kind, keeps the filter in the URL, and paginates", async ({ page }) => {
    await page.goto("/assets");
    await page.getByRole("combobox", { name: "Kind" }).selectOption("social-account");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/kind=social-account/);
    const rows = page.getByTestId("asset-table").locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    for (const kind of await rows.getByTestId("asset-kind").allTextContents()) expect(kind).toBe("Social account");
    await expect(page.getByRole("combobox", { name: "Kind" })).toHaveValue("social-account");

    await page.goto("/assets?size=10");
    const pages = page.getByRole("navigation", { name: "Pages" });
    await expect(pages).toContainText(/1–10 of \d+/);
    const firstPage = await rows.getByTestId("asset-key").allTextContents();
    await pages.getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(pages).toContainText(/11–20 of \d+/);
    await expect(rows).toHaveCount(10);
    const secondPage = await rows.getByTestId("asset-key").allTextContents();
    expect(secondPage.filter((key) => firstPage.includes(key))).toEqual([]);
  });

  test("screenshots of the list and an asset page", async ({ page }) => {
    await page.goto("/assets");
    await expect(page.getByTestId("asset-table")).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/assets-list.png", fullPage: true });
    await page.goto("/assets/corporate-website");
    await expect(page.getByRole("heading", { level: 1, name: "Corporate website" })).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/asset-page.png", fullPage: true });
  });
});

test.describe("Assets as a viewer", () => {
  asUser("viewer");

  test("sees no New, Edit or Retire controls, and a forged create is refused", async ({ page, baseURL }) => {
    await page.goto("/assets");
    await expect(page.getByRole("heading", { level: 1, name: "Assets" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New asset" })).toHaveCount(0);

    await page.goto("/assets/corporate-website");
    await expect(page.getByRole("heading", { level: 1, name: "Corporate website" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Retire" })).toHaveCount(0);

    await page.goto("/assets/new");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();

    const key = uniqueKey("forged");
    const response = await page.request.post("/api/assets", {
      data: { key, name: "Forged", kindKey: "crm", criticality: "low", lifecycle: "active" },
      headers: { Origin: baseURL! },
    });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, code: "forbidden" });

    await page.goto(`/assets/${key}`);
    await expect(page.getByRole("heading", { name: "No such asset" })).toBeVisible();
  });
});
