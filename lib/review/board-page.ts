import type { ReviewDecision } from "@/lib/rules";
import { groupByAsset } from "./review-cells";

/**
 * The review board one page at a time: a large team's review holds thousands of cells, which no browser
 * should receive at once. A page is a run of whole assets (an asset's cells are never split), the
 * critical ones first as the review orders them. The pages are always those of the whole review, so
 * deciding cells never moves an asset to another page; "undecided only" hides decided cells within the
 * page. The progress figures count the whole review, not only the page.
 */

export const REVIEW_ASSETS_PER_PAGE = 30;

export interface BoardPageRequest {
  page: number;
  undecidedOnly: boolean;
}

export interface BoardPagination {
  page: number;
  pageCount: number;
  undecidedOnly: boolean;
  /** Cells in the whole review. */
  totalCells: number;
  /** Assets in the whole review: what the pages run through. */
  assetCount: number;
  /** Decisions saved on cells of other pages, by kind: the page adds its own to them. */
  decidedElsewhere: Record<ReviewDecision, number>;
}

/**
 * One page of the review's cells (in review order) and the figures of the whole review. Generic over the
 * cells, so that the board builds the details (names, holders, hand-offs) of the page's cells only.
 */
export function pageOfCells<T extends { assetId: number }>(
  cells: T[],
  decisionOf: (cell: T) => ReviewDecision | null,
  request: BoardPageRequest,
): { cells: T[]; pagination: BoardPagination } {
  const groups = groupByAsset(cells);
  const pageCount = Math.max(1, Math.ceil(groups.length / REVIEW_ASSETS_PER_PAGE));
  const page = Math.min(Math.max(1, Math.trunc(request.page) || 1), pageCount);
  const onPage = groups.slice((page - 1) * REVIEW_ASSETS_PER_PAGE, page * REVIEW_ASSETS_PER_PAGE);
  const pageAssets = new Set(onPage.map((group) => group.assetId));
  const decidedElsewhere: Record<ReviewDecision, number> = { confirm: 0, change: 0, flag: 0, handoff: 0 };
  for (const cell of cells) {
    const decision = decisionOf(cell);
    if (decision && !pageAssets.has(cell.assetId)) decidedElsewhere[decision] += 1;
  }
  return {
    cells: onPage.flatMap((group) => group.cells),
    pagination: { page, pageCount, undecidedOnly: request.undecidedOnly, totalCells: cells.length, assetCount: groups.length, decidedElsewhere },
  };
}
