/**
 * What a manager's `/review` page says about their review: its id (null while nobody has written to it,
 * so it has no row yet), its team and week, and the cells of its scope, read from the board's
 * `data-review-id`, `data-team-id`, `data-iso-week` and `data-cell` hooks (the ones the end-to-end tests
 * use too). Null when the page shows no draft to work on (a submitted review, or a viewer).
 */
export interface ReviewPage {
  reviewId: number | null;
  teamId: number;
  isoWeek: string;
  cells: string[];
}

export function readReviewPage(html: string): ReviewPage | null {
  const summary = /<section\b[^>]*data-testid="review-summary"[^>]*>/.exec(html)?.[0];
  if (!summary) return null;
  const attribute = (name: string) => new RegExp(`${name}="([^"]+)"`).exec(summary)?.[1];
  const teamId = Number(attribute("data-team-id"));
  const isoWeek = attribute("data-iso-week");
  if (!Number.isSafeInteger(teamId) || teamId <= 0 || !isoWeek) return null;
  const reviewId = Number(attribute("data-review-id") ?? Number.NaN);
  const cells = new Set<string>();
  for (const [row] of html.matchAll(/<tr\b[^>]*>/g)) {
    if (!row.includes('data-testid="review-cell"')) continue;
    const cell = /data-cell="([^"/]+\/[^"/]+)"/.exec(row)?.[1];
    if (cell) cells.add(cell);
  }
  return { reviewId: Number.isSafeInteger(reviewId) && reviewId > 0 ? reviewId : null, teamId, isoWeek, cells: [...cells] };
}
