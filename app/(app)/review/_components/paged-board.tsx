import { parsePage, Pagination } from "@/components/ui/pagination";
import type { ReviewBoard } from "@/lib/review/board";
import { pageOfBoard, REVIEW_ASSETS_PER_PAGE } from "@/lib/review/board-page";
import { ReviewBoardView } from "./review-board";

type Params = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * One page of the working board (`?page=`, `?show=undecided`): a large team's review runs to thousands
 * of cells, which the browser gets a page of assets at a time. `keep` are the page's other parameters.
 */
export function PagedBoard({
  board,
  basePath,
  params,
  keep,
  userId,
  now,
}: {
  board: ReviewBoard;
  basePath: string;
  params: Params;
  keep: Record<string, string | undefined>;
  userId: number;
  now: Date;
}) {
  const undecidedOnly = first(params.show) === "undecided";
  const paged = pageOfBoard(board, { page: parsePage(params.page), undecidedOnly });
  const showHref = (onlyUndecided: boolean) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...keep, show: onlyUndecided ? "undecided" : undefined })) if (value) query.set(key, value);
    return query.size ? `${basePath}?${query}` : basePath;
  };
  const pager =
    paged.pagination.pageCount > 1 ? (
      <Pagination
        basePath={basePath}
        searchParams={{ ...keep, show: undecidedOnly ? "undecided" : undefined }}
        page={paged.pagination.page}
        pageSize={REVIEW_ASSETS_PER_PAGE}
        total={paged.pagination.assetCount}
        unit="assets"
      />
    ) : null;
  return (
    <>
      <ReviewBoardView
        board={paged.board}
        pagination={paged.pagination}
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
