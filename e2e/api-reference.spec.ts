import type { Page } from "@playwright/test";
import { expect, storageStateOf, test } from "./fixtures";

const PHONE = { width: 390, height: 844 };

/**
 * Everything the page asks its browser for (scripts, styles, fonts, images, "Try it out" calls) must come from this
 * origin, and nothing may break the Content-Security-Policy: the reference is bundled, never fetched from a CDN.
 */
function watchOriginAndPolicy(page: Page, origin: string) {
  const elsewhere: string[] = [];
  const violations: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    // data: and blob: URLs stay inside the page (Swagger UI's inline icons).
    if (!/^(data|blob):/.test(url) && new URL(url).origin !== origin) elsewhere.push(url);
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|evaluate)/i.test(message.text()))
      violations.push(message.text());
  });
  void page.exposeFunction("reportPolicyViolation", (violation: string) => violations.push(violation));
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportPolicyViolation: (text: string) => void }).reportPolicyViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  return { elsewhere, violations };
}

test.describe("the API reference, signed in as a viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("shows the operations of /api/v1 under the CSP, loading nothing from elsewhere", async ({
    page,
    baseURL,
  }) => {
    const watched = watchOriginAndPolicy(page, new URL(baseURL!).origin);
    await page.goto("/api-reference");
    // Every screen's sidebar links here.
    await expect(
      page.getByRole("navigation", { name: "More" }).getByRole("link", { name: "API reference" }),
    ).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "/api/v1/openapi.json" })).toHaveAttribute(
      "href",
      "/api/v1/openapi.json",
    );
    await expect(page.getByText(`${baseURL}/api/v1/assets?limit=10`)).toBeVisible();

    const operations = page.getByRole("region", { name: "Operations" });
    await expect(operations.getByText("List assets", { exact: true })).toBeVisible();
    await expect(operations.getByText("Replace a cell's holders", { exact: true })).toBeVisible();
    // One section per resource: the served document has no tags, the page groups by path.
    for (const resource of ["assets", "people", "cells", "reviews", "report"]) {
      await expect(operations.getByRole("heading", { name: new RegExp(`^${resource} `) })).toBeVisible();
    }
    await page.screenshot({ path: "e2e/screenshots/api-reference.png", fullPage: true });

    // "Try it out" calls this origin's /api/v1 as the signed-in viewer.
    await operations.getByRole("button", { name: /^GET \/assets List assets/ }).click();
    await operations.getByRole("button", { name: "Try it out" }).click();
    await operations.getByRole("button", { name: "Execute" }).click();
    await expect(operations.locator(".live-responses-table tbody .response-col_status")).toHaveText("200");

    await page.setViewportSize(PHONE);
    await expect(operations.getByText("Replace a cell's holders", { exact: true })).toBeVisible();
    // Nothing wider than the phone's screen but the tables and code blocks that scroll inside themselves.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: "e2e/screenshots/api-reference-phone.png", fullPage: true });

    expect(watched.violations).toEqual([]);
    expect(watched.elsewhere).toEqual([]);
  });
});

test("a signed-out visitor of the API reference lands on sign-in", async ({ page }) => {
  await page.goto("/api-reference");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fapi-reference/);
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
});
