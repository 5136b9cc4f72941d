import { CRITICALITY_WEIGHT } from "./weights";
import type { CellInput, Criticality } from "./types";

/**
 * Code-unit string comparison. Locale-aware comparison differs between Node, browsers and ICU
 * versions, and the page, CSV and CLI must list cells in the same order.
 */
export function compareText(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

/** Asset key then concern key: the tie-breaker every ranked list of cells uses. */
export function compareCellKeys(
  a: Pick<CellInput, "assetKey" | "concernKey">,
  b: Pick<CellInput, "assetKey" | "concernKey">,
): number {
  return compareText(a.assetKey, b.assetKey) || compareText(a.concernKey, b.concernKey);
}

/** Critical first, low last. */
export function compareCriticalityDesc(a: Criticality, b: Criticality): number {
  return CRITICALITY_WEIGHT[b] - CRITICALITY_WEIGHT[a];
}
