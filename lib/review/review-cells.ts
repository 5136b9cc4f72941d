import { cellKey, type EvaluatedCell } from "@/lib/rules";
import { compareCellKeys, compareCriticalityDesc } from "@/lib/rules/order";

/**
 * The list a review works through: the scope of DESIGN.md section 3 (from `computeReviewScope`) plus
 * any cell already decided in the review that has since left that scope (someone else fixed it in the
 * matrix, say). A decision, once saved, never silently disappears from the review it was made in.
 */

export interface CellId {
  assetId: number;
  concernId: number;
}

export function withDecidedCells(scope: EvaluatedCell[], allCells: EvaluatedCell[], decided: CellId[]): EvaluatedCell[] {
  const listed = new Set(scope.map((cell) => cellKey(cell.assetId, cell.concernId)));
  const missing = new Set(decided.map((cell) => cellKey(cell.assetId, cell.concernId)).filter((key) => !listed.has(key)));
  if (missing.size === 0) return scope;
  // Retired cells have left scope for good: their decisions stay as history but are not worked on.
  const extra = allCells.filter((cell) => cell.inScope && missing.has(cellKey(cell.assetId, cell.concernId)));
  return [...scope, ...extra].sort(compareReviewOrder);
}

/** Critical assets first, then by asset key and concern key: the order `computeReviewScope` uses. */
export function compareReviewOrder(
  a: Pick<EvaluatedCell, "assetCriticality" | "assetKey" | "concernKey">,
  b: Pick<EvaluatedCell, "assetCriticality" | "assetKey" | "concernKey">,
): number {
  return compareCriticalityDesc(a.assetCriticality, b.assetCriticality) || compareCellKeys(a, b);
}

export function listUndecided<T extends CellId>(cells: T[], decided: CellId[]): T[] {
  const done = new Set(decided.map((cell) => cellKey(cell.assetId, cell.concernId)));
  return cells.filter((cell) => !done.has(cellKey(cell.assetId, cell.concernId)));
}

export interface Progress {
  decided: number;
  total: number;
}

export function countProgress(cells: CellId[], decided: CellId[]): Progress {
  return { decided: cells.length - listUndecided(cells, decided).length, total: cells.length };
}

/** Consecutive cells of one asset form a group; the input order (critical assets first) is kept. */
export function groupByAsset<T extends { assetId: number }>(cells: T[]): { assetId: number; cells: T[] }[] {
  const groups: { assetId: number; cells: T[] }[] = [];
  const byAsset = new Map<number, { assetId: number; cells: T[] }>();
  for (const cell of cells) {
    let group = byAsset.get(cell.assetId);
    if (!group) {
      group = { assetId: cell.assetId, cells: [] };
      byAsset.set(cell.assetId, group);
      groups.push(group);
    }
    group.cells.push(cell);
  }
  return groups;
}

/** "3 cells are still undecided" / "1 cell is still undecided". */
export function describeUndecided(count: number): string {
  return count === 1 ? "1 cell is still undecided" : `${count} cells are still undecided`;
}
