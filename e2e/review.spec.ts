import type { Page } from "@playwright/test";
import { asUser, confirmAllAndSubmit, expect, test } from "./fixtures";

/**
 * The weekly review. The IT manager works on Web Platform's review only: other specs edit Brand & Content
 * cells and the catalog at the same time, and may add cells to every IT team's scope (a new asset's
 * uncovered IT cells), which is why submitting retries "Confirm all unchanged" when the scope grew.
 */

const CELLS = {
  confirm: "corporate-website/backup-recovery",
  change: "corporate-website/hosting-uptime",
  flag: "online-store/backup-recovery",
  handoff: "corporate-website/security-access",
};

const row = (page: Page, key: string) => page.locator(`tr[data-cell="${key}"]`);


test.describe("the weekly review as the IT manager", () => {
  asUser("itManager");
  test.use({ viewport: { width: 1440, height: 1000 } });

  test("completes a whole review with every kind of decision, then sees it read-only", async ({ page, baseURL }) => {
    test.slow();
    await page.goto("/review");
    await expect(page.getByRole("heading", { level: 1, name: "Weekly review · Web Platform" })).toBeVisible();
    await expect(page.getByTestId("review-progress")).toHaveText(/^0 of \d+ decided$/);
    await expect(page.getByTestId("review-due")).toContainText(/Due \w+day/);

    // Confirm: saved at once.
    await row(page, CELLS.confirm).getByRole("button", { name: "Confirm" }).click();
    await expect(row(page, CELLS.confirm).getByTestId("decision-meta")).toContainText("Confirmed by you");
    await expect(page.getByTestId("review-live")).toContainText("Saved");
    await expect(page.getByTestId("review-progress")).toHaveText(/^1 of \d+ decided$/);

    // Escape closes a form without saving, and the keyboard goes back to its button.
    const changeButton = row(page, CELLS.change).getByRole("button", { name: "Change" });
    await changeButton.click();
    const change = page.getByRole("form", { name: /Change the owners/ });
    await expect(change.getByRole("group", { name: /Accountable/ }).getByLabel("Person")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(change).toHaveCount(0);
    await expect(changeButton).toBeFocused();

    // Change: Ravi left; Aisha becomes accountable, Nina stays responsible.
    await changeButton.click();
    await change.getByRole("group", { name: /Accountable/ }).getByLabel("Person").fill("Aisha");
    await change.getByRole("button", { name: /Aisha Khan/ }).click();
    await expect(change.getByTestId("chosen-accountable")).toContainText("Aisha Khan");
    await expect(change.getByTestId("chosen-responsible")).toContainText("Nina Petrova");
    await change.getByRole("button", { name: "Save change" }).click();
    await expect(row(page, CELLS.change).getByTestId("decision-meta")).toContainText("Changed by you");
    await expect(row(page, CELLS.change)).toContainText("New owners: A Aisha Khan, R Nina Petrova");

    // Flag: "Other" needs a note.
    await row(page, CELLS.flag).getByRole("button", { name: "Flag" }).click();
    const flag = page.getByRole("form", { name: /^Flag / });
    await flag.getByRole("radio", { name: "Other", exact: true }).check();
    await flag.getByRole("button", { name: "Save flag" }).click();
    await expect(flag).toContainText("the note is required");
    await flag.getByLabel(/Note/).fill("Restores have not been tested this year.");
    await flag.getByRole("button", { name: "Save flag" }).click();
    await expect(row(page, CELLS.flag).getByTestId("decision-meta")).toContainText("Flagged by you");

    // Hand off to Data Engineering, with a note; the keyboard works the form.
    await row(page, CELLS.handoff).getByRole("button", { name: "Hand off" }).click();
    const handoff = page.getByRole("form", { name: /^Hand off / });
    await expect(handoff.getByLabel("Hand off to")).toBeFocused();
    await handoff.getByLabel("Hand off to").selectOption({ label: "Data Engineering" });
    await handoff.getByLabel(/Note for them/).fill("Access reviews move to the data team.");
    await handoff.getByLabel(/Note for them/).press("Tab");
    await page.keyboard.press("Enter");
    await expect(row(page, CELLS.handoff).getByTestId("decision-meta")).toContainText("Handed off by you");

    // Undo clears a decision; deciding again saves it again.
    await row(page, CELLS.confirm).getByRole("button", { name: /Undo decision/ }).click();
    await expect(row(page, CELLS.confirm).getByTestId("decision-meta")).toHaveCount(0);
    await row(page, CELLS.confirm).getByRole("button", { name: "Confirm" }).click();
    await expect(row(page, CELLS.confirm).getByTestId("decision-meta")).toContainText("Confirmed by you");

    // Every decision was saved as it was made: a reload shows the draft.
    await page.reload();
    await expect(row(page, CELLS.flag).getByTestId("decision-meta")).toContainText("Flagged by you");
    await expect(row(page, CELLS.handoff)).toContainText("To Data Engineering: “Access reviews move to the data team.”");
    await expect(page.getByTestId("review-progress")).toHaveText(/^4 of \d+ decided$/);
    await page.screenshot({ path: "e2e/screenshots/review.png" });

    // "Undecided only" is a link kept in the URL: decided cells leave the page, the progress still counts them.
    await page.getByTestId("undecided-toggle").click();
    await expect(page).toHaveURL(/[?&]show=undecided/);
    await expect(row(page, CELLS.flag)).toHaveCount(0);
    await expect(page.getByTestId("review-progress")).toHaveText(/^4 of \d+ decided$/);
    await page.getByTestId("undecided-toggle").click();
    await expect(page).not.toHaveURL(/show=undecided/);
    await expect(row(page, CELLS.flag).getByTestId("decision-meta")).toContainText("Flagged by you");

    // Submitting with undecided cells is refused, naming how many.
    await page.getByRole("button", { name: "Submit review" }).click();
    await expect(page.getByTestId("review-error")).toContainText(/\d+ cells? (is|are) still undecided/);

    await confirmAllAndSubmit(page);
    const status = page.getByTestId("review-record-status");
    await expect(status).toContainText("Submitted by Tom Becker");
    await expect(page.getByRole("button", { name: "Confirm", exact: true })).toHaveCount(0);
    await expect(page.locator(`[data-cell="${CELLS.handoff}"]`)).toContainText("To Data Engineering");
    await expect(page.locator(`[data-cell="${CELLS.flag}"]`)).toContainText("Other");
    await page.screenshot({ path: "e2e/screenshots/review-submitted.png" });

    // Read-only: a late write is refused.
    const reviewId = await status.getAttribute("data-review-id");
    const late = await page.request.put(`/api/reviews/${reviewId}/items`, {
      data: { assetKey: "corporate-website", concernKey: "backup-recovery", decision: "flag", flagReason: "owner-unclear" },
      headers: { origin: baseURL! },
    });
    expect(late.status()).toBe(409);

    // The change is in the ownership matrix.
    await page.goto("/matrix?asset=corporate-website&concern=hosting-uptime");
    const holders = page.getByTestId("cell-panel").getByTestId("holders");
    await expect(holders).toContainText("Aisha Khan");
    await expect(holders).toContainText("Nina Petrova");
    await expect(holders).not.toContainText("Ravi Patel");
  });
});

test.describe("the review history", () => {
  asUser("admin");
  test.use({ viewport: { width: 1440, height: 1000 } });

  test("shows on-time, late and missing reviews per team and week, readable without colour", async ({ page }) => {
    await page.goto("/review/history");
    const grid = page.getByTestId("review-grid");
    // Five past weeks; six once this week's due time has passed (the suite may run on a weekend).
    await expect(grid.locator('[data-team="Data Engineering"] [data-week]')).toHaveCount(12);
    expect(await grid.locator('[data-team="Data Engineering"] [data-status="missing"]').count()).toBeGreaterThanOrEqual(5);
    await expect(grid.locator('[data-team="Digital Campaigns"] [data-status="late"]')).toHaveCount(2);
    await expect(grid.locator('[data-team="Digital Campaigns"] [data-status="late"]').first()).toContainText("Late");
    await expect(grid.locator('[data-team="Marketing Operations"] [data-status="on-time"]')).toHaveCount(11);
    await page.screenshot({ path: "e2e/screenshots/review-history.png", fullPage: true });

    // A past review opens read-only, with its decisions.
    await grid.locator('[data-team="Digital Campaigns"] [data-status="late"] a').first().click();
    await expect(page.getByTestId("review-record-status")).toContainText("(late)");
    await expect(page.getByTestId("record-item").first()).toBeVisible();
  });
});

test.describe("the weekly review as someone who may not fill it in", () => {
  test.describe("a viewer", () => {
    asUser("viewer");

    test("cannot open the review, and forged writes to it are refused", async ({ page, baseURL }) => {
      await page.goto("/review");
      await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
      await expect(page.getByTestId("review-summary")).toHaveCount(0);

      await page.goto("/review/history");
      const href = await page.getByTestId("review-list").getByRole("link").first().getAttribute("href");
      const id = href!.split("/").pop();
      const headers = { origin: baseURL! };
      const put = await page.request.put(`/api/reviews/${id}/items`, {
        data: { assetKey: "corporate-website", concernKey: "hosting-uptime", decision: "confirm" },
        headers,
      });
      expect(put.status()).toBe(403);
      expect(await put.json()).toMatchObject({ ok: false, code: "forbidden" });
      for (const action of ["confirm-all", "submit", "reopen"]) {
        expect((await page.request.post(`/api/reviews/${id}/${action}`, { data: {}, headers })).status()).toBe(403);
      }
      // Reading stays open to viewers.
      await page.goto(href!);
      await expect(page.getByTestId("review-record-status")).toBeVisible();
      await expect(page.getByRole("button", { name: "Reopen review" })).toHaveCount(0);
    });
  });

  test.describe("the manager of another team", () => {
    asUser("marketingManager");

    test("cannot write to Web Platform's review", async ({ page, baseURL }) => {
      await page.goto("/review/history");
      await page.locator('select[name="team"]').selectOption({ label: "Web Platform" });
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page).toHaveURL(/team=\d+/);
      const href = await page.getByTestId("review-list").getByRole("link").first().getAttribute("href");
      const response = await page.request.put(`/api/reviews/${href!.split("/").pop()}/items`, {
        data: { assetKey: "corporate-website", concernKey: "hosting-uptime", decision: "confirm" },
        headers: { origin: baseURL! },
      });
      expect(response.status()).toBe(403);
    });
  });
});
