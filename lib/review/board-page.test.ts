import { describe, expect, it } from "vitest";
import type { ReviewDecision } from "@/lib/rules";
import type { BoardCell, ReviewBoard } from "./board";
import { pageOfCells, REVIEW_ASSETS_PER_PAGE, type BoardPageRequest } from "./board-page";

function cell(assetId: number, concern: string, decision: ReviewDecision | null): BoardCell {
  return {
    key: `asset-${assetId}/${concern}`,
    assetId,
    assetKey: `asset-${assetId}`,
    assetName: `Asset ${assetId}`,
    assetKind: "Website",
    criticality: "high",
    concernId: concern.length,
    concernKey: concern,
    concernName: concern,
    concernHome: "it",
    holders: [],
    lastConfirmedAt: null,
    gaps: [],
    handoffs: [],
    item: decision
      ? { assetId, concernId: concern.length, assetKey: `asset-${assetId}`, concernKey: concern, decision, note: null, flagReason: null, handoffTeam: null, newOwners: [], decidedById: 1, decidedByName: "Ada", decidedAt: new Date(0) }
      : null,
  };
}

/** `assets` assets of two cells each; asset n's first cell decided as `decide(n)`, the second never. */
function board(assets: number, decide: (assetId: number) => ReviewDecision | null): ReviewBoard {
  const cells = Array.from({ length: assets }, (_, i) => [cell(i + 1, "hosting", decide(i + 1)), cell(i + 1, "dns", null)]).flat();
  return { header: {} as ReviewBoard["header"], cells, people: [], teams: [] };
}

function pageOfBoard(whole: ReviewBoard, request: BoardPageRequest) {
  const { cells, pagination } = pageOfCells(whole.cells, (cell) => cell.item?.decision ?? null, request);
  return { board: { ...whole, cells }, pagination };
}

describe("the review board a page at a time", () => {
  it("pages through whole assets in review order and counts the whole review", () => {
    const whole = board(REVIEW_ASSETS_PER_PAGE + 5, (id) => (id % 2 === 0 ? "confirm" : id === 1 ? "flag" : null));
    const first = pageOfBoard(whole, { page: 1, undecidedOnly: false });
    expect(first.board.cells).toHaveLength(REVIEW_ASSETS_PER_PAGE * 2);
    expect(first.board.cells[0]!.assetId).toBe(1);
    expect(first.pagination).toMatchObject({ page: 1, pageCount: 2, totalCells: whole.cells.length, assetCount: REVIEW_ASSETS_PER_PAGE + 5 });
    // Decisions on page 2 (assets 31-35: 32 and 34 confirmed) are counted for page 1 to add its own to.
    expect(first.pagination.decidedElsewhere).toEqual({ confirm: 2, change: 0, flag: 0, handoff: 0 });

    const second = pageOfBoard(whole, { page: 2, undecidedOnly: false });
    expect(second.board.cells.map((c) => c.assetId)).toEqual([31, 31, 32, 32, 33, 33, 34, 34, 35, 35]);
    expect(second.pagination.decidedElsewhere).toEqual({ confirm: 15, change: 0, flag: 1, handoff: 0 });
  });

  it("keeps the pages of the whole review when only undecided cells are shown, and clamps a page out of range", () => {
    const whole = board(REVIEW_ASSETS_PER_PAGE + 5, (id) => (id <= REVIEW_ASSETS_PER_PAGE ? "confirm" : null));
    // Page 2 is the same assets whatever is decided on page 1: deciding never moves an asset.
    const undecided = pageOfBoard(whole, { page: 2, undecidedOnly: true });
    expect(undecided.board.cells.map((c) => c.assetId)).toEqual(pageOfBoard(whole, { page: 2, undecidedOnly: false }).board.cells.map((c) => c.assetId));
    expect(undecided.pagination).toMatchObject({ page: 2, pageCount: 2, assetCount: REVIEW_ASSETS_PER_PAGE + 5, undecidedOnly: true });
    expect(pageOfBoard(whole, { page: 9, undecidedOnly: false }).pagination.page).toBe(2);
    expect(pageOfBoard(board(0, () => null), { page: 3, undecidedOnly: false }).pagination).toMatchObject({ page: 1, pageCount: 1, totalCells: 0 });
  });
});
