import { describe, expect, it } from "vitest";
import { readReviewPage } from "./review-page";

const board = [
  '<main><section class="x_summary" aria-label="Review progress" data-testid="review-summary" data-review-id="68" data-team-id="3" data-iso-week="2026-W49"><strong>0 of 3</strong></section>',
  "<table><tbody>",
  '<tr class="x_row" data-cell="corporate-website/content" data-decided="false" data-testid="review-cell"><td>…</td></tr>',
  '<tr data-testid="review-cell" class="x_row" data-decided="true" data-cell="online-store/seo-technical"><td>…</td></tr>',
  '<tr class="x_row" data-cell="corporate-website/content" data-decided="false" data-testid="review-cell"></tr>',
  '<tr data-cell="not-a-review-row/content"></tr>',
  "</tbody></table></main>",
].join("");

describe("readReviewPage", () => {
  it("reads the review's id and the cells of its board, once each, whatever the attribute order", () => {
    expect(readReviewPage(board)).toEqual({
      reviewId: 68,
      teamId: 3,
      isoWeek: "2026-W49",
      cells: ["corporate-website/content", "online-store/seo-technical"],
    });
  });

  it("reads a review nobody has written to yet, which has no id", () => {
    expect(readReviewPage(board.replace(' data-review-id="68"', ""))).toMatchObject({ reviewId: null, teamId: 3, isoWeek: "2026-W49" });
  });

  it("answers null when the page shows no draft to work on", () => {
    expect(
      readReviewPage(
        "<main><h1>Weekly review</h1><p>The weekly review is filled in by managers and admins.</p></main>",
      ),
    ).toBeNull();
    expect(
      readReviewPage('<section data-testid="review-record-status" data-review-id="12"></section>'),
    ).toBeNull();
  });
});
