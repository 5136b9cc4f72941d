import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateCells } from "./evaluate-cell";
import { rankGaps } from "./ranking";
import { arbitraryCells, arbitraryPeople } from "@/tools/testing/rule-arbitraries";
import { AS_OF } from "@/tools/testing/rule-fixtures";
import { DEFAULT_RULE_SETTINGS } from "./weights";
import type { EvaluatedCell } from "./types";

const arbitraryEvaluated = fc
  .tuple(arbitraryCells, arbitraryPeople)
  .map(([cells, people]) => evaluateCells(cells, people, AS_OF, DEFAULT_RULE_SETTINGS));

const keyOf = (cell: EvaluatedCell) => `${cell.assetKey}/${cell.concernKey}`;
const RUNS = { numRuns: 300 };

describe("rankGaps, for any evaluated cells", () => {
  it("lists exactly the cells with gaps, each once", () => {
    fc.assert(
      fc.property(arbitraryEvaluated, (cells) => {
        const ranked = rankGaps(cells);
        expect(ranked.map(keyOf).sort()).toEqual(cells.filter((cell) => cell.gaps.length > 0).map(keyOf).sort());
      }),
      RUNS,
    );
  });

  it("orders by score, highest first, then by asset key and concern key", () => {
    fc.assert(
      fc.property(arbitraryEvaluated, (cells) => {
        const ranked = rankGaps(cells);
        for (let i = 1; i < ranked.length; i++) {
          const [before, after] = [ranked[i - 1]!, ranked[i]!];
          expect(before.score).toBeGreaterThanOrEqual(after.score);
          if (before.score === after.score) {
            expect(before.assetKey < after.assetKey || (before.assetKey === after.assetKey && before.concernKey < after.concernKey)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it("is a total order: the input's order changes nothing, and ranking twice is ranking once", () => {
    fc.assert(
      fc.property(
        arbitraryEvaluated.chain((cells) => fc.tuple(fc.constant(cells), fc.shuffledSubarray(cells, { minLength: cells.length }))),
        ([cells, shuffled]) => {
          const ranked = rankGaps(cells);
          expect(rankGaps(shuffled)).toEqual(ranked);
          expect(rankGaps(ranked)).toEqual(ranked);
        },
      ),
      RUNS,
    );
  });
});
