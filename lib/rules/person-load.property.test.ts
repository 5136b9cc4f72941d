import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateCells } from "./evaluate-cell";
import { computePersonLoad } from "./person-load";
import { arbitraryCells, arbitraryPeople, arbitrarySettings } from "@/tools/testing/rule-arbitraries";
import { AS_OF } from "@/tools/testing/rule-fixtures";
import type { EvaluatedCell, RulePerson, RuleSettings } from "./types";

const arbitraryOrganisation = fc
  .tuple(arbitraryCells, arbitraryPeople, arbitrarySettings)
  .map(([cells, people, settings]) => ({ cells: evaluateCells(cells, people, AS_OF, settings), people, settings }));

const holdsA = (cell: EvaluatedCell, personId: number) => cell.holders.some((h) => h.personId === personId && h.role === "A");

/** Person load read straight from DESIGN.md section 3, person by person. */
function expectedLoad(person: RulePerson, cells: EvaluatedCell[], settings: RuleSettings) {
  const inScope = cells.filter((cell) => cell.inScope);
  const accountable = inScope.filter((cell) => holdsA(cell, person.id));
  const highCritical = accountable.filter((cell) => cell.assetCriticality === "high" || cell.assetCriticality === "critical");
  const concernKeys = [...new Set(accountable.map((cell) => cell.concernKey))].sort();
  const heavyConcerns = concernKeys.filter((key) => {
    const size = inScope.filter((cell) => cell.concernKey === key).length;
    const held = accountable.filter((cell) => cell.concernKey === key).length;
    return size >= settings.overloadConcernMinCells && held / size > settings.overloadConcernSharePct / 100;
  });
  const reasons = [...(highCritical.length > settings.overloadHighCriticalCells ? ["high-critical"] : []), ...heavyConcerns.map((key) => `concern:${key}`)];
  return { accountableCells: accountable.length, highCriticalCells: highCritical.length, overloaded: reasons.length > 0, overloadReasons: reasons };
}

const RUNS = { numRuns: 300 };

describe("computePersonLoad, for any cells, people and settings", () => {
  it("lists every active person once, with the counts and reasons of the definition (0 for those accountable for nothing)", () => {
    fc.assert(
      fc.property(arbitraryOrganisation, ({ cells, people, settings }) => {
        const loads = computePersonLoad(cells, people, settings);
        const expectedIds = [...people.values()]
          .filter((person) => person.active)
          .map((person) => person.id)
          .sort((a, b) => a - b);
        expect(loads.map((load) => load.personId).sort((a, b) => a - b)).toEqual(expectedIds);
        for (const load of loads) {
          const person = people.get(load.personId)!;
          expect(load).toEqual({ personId: person.id, email: person.email, ...expectedLoad(person, cells, settings) });
        }
      }),
      RUNS,
    );
  });

  it("sorts by accountable cells, most first, then by email", () => {
    fc.assert(
      fc.property(arbitraryOrganisation, ({ cells, people, settings }) => {
        const loads = computePersonLoad(cells, people, settings);
        for (let i = 1; i < loads.length; i++) {
          const [before, after] = [loads[i - 1]!, loads[i]!];
          expect(before.accountableCells > after.accountableCells || (before.accountableCells === after.accountableCells && before.email < after.email)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("never overloads someone more when the thresholds are raised", () => {
    fc.assert(
      fc.property(arbitraryOrganisation, fc.nat({ max: 5 }), fc.nat({ max: 50 }), fc.nat({ max: 5 }), ({ cells, people, settings }, more, morePct, moreMin) => {
        const raised: RuleSettings = {
          ...settings,
          overloadHighCriticalCells: settings.overloadHighCriticalCells + more,
          overloadConcernSharePct: Math.min(100, settings.overloadConcernSharePct + morePct),
          overloadConcernMinCells: settings.overloadConcernMinCells + moreMin,
        };
        const before = new Map(computePersonLoad(cells, people, settings).map((load) => [load.personId, load]));
        for (const load of computePersonLoad(cells, people, raised)) {
          expect(before.get(load.personId)?.overloadReasons).toEqual(expect.arrayContaining(load.overloadReasons));
        }
      }),
      RUNS,
    );
  });
});
