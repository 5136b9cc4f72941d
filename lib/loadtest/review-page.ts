/**
 * What a manager's `/review` page says about their review: its id and the cells of its scope, read from
 * the board's `data-review-id` and `data-cell` hooks (the ones the end-to-end tests use too). Null when
 * the page shows no draft to work on (a submitted review, or a viewer).
 */
export function readReviewPage(html: string): { reviewId: number; cells: string[] } | null {
  const summary = /<section\b[^>]*data-testid="review-summary"[^>]*>/.exec(html)?.[0];
  const reviewId = Number(summary && /data-review-id="(\d+)"/.exec(summary)?.[1]);
  if (!Number.isSafeInteger(reviewId) || reviewId <= 0) return null;
  const cells = new Set<string>();
  for (const [row] of html.matchAll(/<tr\b[^>]*>/g)) {
    if (!row.includes('data-testid="review-cell"')) continue;
    const cell = /data-cell="([^"/]+\/[^"/]+)"/.exec(row)?.[1];
    if (cell) cells.add(cell);
  }
  return { reviewId, cells: [...cells] };
}
