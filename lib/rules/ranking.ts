import { compareCellKeys } from "./order";
import type { EvaluatedCell } from "./types";

/** Cells with at least one gap, highest score first; ties by asset key then concern key. */
export function rankGaps(cells: EvaluatedCell[]): EvaluatedCell[] {
  return cells
    .filter((cell) => cell.gaps.length > 0)
    .sort((a, b) => b.score - a.score || compareCellKeys(a, b));
}
