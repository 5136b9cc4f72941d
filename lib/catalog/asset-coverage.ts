import type { Db } from "@/lib/db/client";
import { loadSnapshotAsOf } from "@/lib/ownership/current-snapshot";
import { coverageOf, type CoverageFigure, type EvaluatedCell } from "@/lib/rules";

/** One asset's coverage: covered cells over cells in scope, and how many gaps its cells have. */
export interface AssetCoverage extends CoverageFigure {
  gaps: number;
}

export const NO_COVERAGE: AssetCoverage = Object.freeze({ inScope: 0, covered: 0, percent: null, gaps: 0 });

/** Groups evaluated cells by asset; a retired asset has nothing in scope, so its percent is null. */
export function summarizeAssetCoverage(cells: readonly EvaluatedCell[]): Map<number, AssetCoverage> {
  const byAsset = new Map<number, EvaluatedCell[]>();
  for (const cell of cells) {
    const list = byAsset.get(cell.assetId);
    if (list) list.push(cell);
    else byAsset.set(cell.assetId, [cell]);
  }
  const result = new Map<number, AssetCoverage>();
  for (const [assetId, assetCells] of byAsset) {
    const gaps = assetCells.reduce((sum, cell) => sum + cell.gaps.length, 0);
    result.set(assetId, { ...coverageOf(assetCells), gaps });
  }
  return result;
}

/**
 * Every asset's coverage now. It evaluates the whole organisation through the rules engine, which is
 * quick at catalog sizes; should it stop being so, only this function needs a cheaper source.
 */
export async function loadAssetCoverage(db: Db, asOf?: Date): Promise<Map<number, AssetCoverage>> {
  const snapshot = await loadSnapshotAsOf(db, asOf);
  return summarizeAssetCoverage(snapshot.cells);
}

/**
 * Orders ids by coverage: lowest percent first (ascending), assets with nothing in scope always last,
 * ties broken by more gaps first and then by key, so the order is stable across pages.
 */
export function compareByCoverage(
  a: { key: string; coverage: AssetCoverage },
  b: { key: string; coverage: AssetCoverage },
  dir: "asc" | "desc",
): number {
  const pa = a.coverage.percent;
  const pb = b.coverage.percent;
  if (pa === null || pb === null) {
    if (pa !== pb) return pa === null ? 1 : -1;
  } else if (pa !== pb) {
    return dir === "asc" ? pa - pb : pb - pa;
  }
  if (a.coverage.gaps !== b.coverage.gaps) return b.coverage.gaps - a.coverage.gaps;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
