import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coverageFigure, coverageOf, summarizeCoverage } from "./coverage";
import { evaluateCells } from "./evaluate-cell";
import { arbitraryCells, arbitraryPeople } from "@/tools/testing/rule-arbitraries";
import { AS_OF } from "@/tools/testing/rule-fixtures";
import { DEFAULT_RULE_SETTINGS } from "./weights";
import type { CoverageFigure } from "./types";

const arbitraryOrganisation = fc
  .tuple(arbitraryCells, arbitraryPeople)
  .map(([cells, people]) => ({ cells: evaluateCells(cells, people, AS_OF, DEFAULT_RULE_SETTINGS), people }));

const total = (figures: CoverageFigure[]) => ({
  inScope: figures.reduce((sum, figure) => sum + figure.inScope, 0),
  covered: figures.reduce((sum, figure) => sum + figure.covered, 0),
});

const RUNS = { numRuns: 300 };

describe("coverage, for any counts and cells", () => {
  it("gives a percentage between 0 and 100 within rounding of covered / in scope, and none when nothing is in scope", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }).chain((inScope) => fc.tuple(fc.constant(inScope), fc.integer({ min: 0, max: inScope }))),
        ([inScope, covered]) => {
          const { percent } = coverageFigure(inScope, covered);
          expect(percent === null).toBe(inScope === 0);
          if (percent === null) return;
          expect(percent).toBeGreaterThanOrEqual(0);
          expect(percent).toBeLessThanOrEqual(100);
          expect(Math.abs(percent - (covered / inScope) * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
          expect(Math.round(percent * 10)).toBe(percent * 10);
          if (covered === inScope) expect(percent).toBe(100);
          if (covered === 0) expect(percent).toBe(0);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("counts the cells in scope and, among them, the covered ones", () => {
    fc.assert(
      fc.property(arbitraryOrganisation, ({ cells }) => {
        const figure = coverageOf(cells);
        expect(figure.inScope).toBe(cells.filter((cell) => cell.inScope).length);
        expect(figure.covered).toBe(cells.filter((cell) => cell.covered).length);
        expect(figure.covered).toBeLessThanOrEqual(figure.inScope);
      }),
      RUNS,
    );
  });

  it("splits the overall figure exactly by concern home, by asset kind and by concern; each team's share is at most the whole", () => {
    fc.assert(
      fc.property(arbitraryOrganisation, ({ cells, people }) => {
        const summary = summarizeCoverage(cells, people);
        const overall = { inScope: summary.overall.inScope, covered: summary.overall.covered };
        expect(total(Object.values(summary.byHome))).toEqual(overall);
        expect(total(Object.values(summary.byKind))).toEqual(overall);
        expect(total(Object.values(summary.byConcern))).toEqual(overall);
        for (const team of Object.values(summary.byTeam)) {
          expect(team.inScope).toBeLessThanOrEqual(overall.inScope);
          expect(team.covered).toBeLessThanOrEqual(Math.min(team.inScope, overall.covered));
        }
      }),
      RUNS,
    );
  });
});
