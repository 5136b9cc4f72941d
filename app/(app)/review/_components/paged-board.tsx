import { Pagination } from "@/components/ui/pagination";
import { parsePage } from "@/lib/validation/page-number";
import type { ReviewBoard } from "@/lib/review/board";
import { REVIEW_ASSETS_PER_PAGE, type BoardPageRequest, type BoardPagination } from "@/lib/review/board-page";
import { ReviewBoardView } from "./review-board";

type Params = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The page of the board a URL asks for (`?page=`, `?show=undecided`). */
export function boardPageRequestOf(params: Params): BoardPageRequest {
  return { page: parsePage(params.page), undecidedOnly: first(params.show) === "undecided" };
}

/**
 * One page of the working board: a large team's review runs to thousands of cells, which the browser gets
 * a page of assets at a time. `keep` are the page's other parameters.
 */
export function PagedBoard({
  board,
  pagination,
  basePath,
  keep,
  userId,
  now,
}: {
  board: ReviewBoard;
  pagination: BoardPagination;
  basePath: string;
  keep: Record<string, string | undefined>;
  userId: number;
  now: Date;
}) {
  const undecidedOnly = pagination.undecidedOnly;
  const showHref = (onlyUndecided: boolean) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...keep, show: onlyUndecided ? "undecided" : undefined })) if (value) query.set(key, value);
    return query.size ? `${basePath}?${query}` : basePath;
  };
  const pager =
    pagination.pageCount > 1 ? (
      <Pagination
        basePath={basePath}
        searchParams={{ ...keep, show: undecidedOnly ? "undecided" : undefined }}
        page={pagination.page}
        pageSize={REVIEW_ASSETS_PER_PAGE}
        total={pagination.assetCount}
        unit="assets"
      />
    ) : null;
  return (
    <>
      <ReviewBoardView
        // One board per team and week: a board kept across a link to another week would keep this one's state.
        key={`${board.header.team.id}/${board.header.isoWeek}`}
        board={board}
        pagination={pagination}
        showAllHref={showHref(false)}
        showUndecidedHref={showHref(true)}
        pager={pager}
        userId={userId}
        now={now}
      />
      {pager}
    </>
  );
}
