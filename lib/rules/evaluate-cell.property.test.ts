import { describe, expect, it } from "vitest";
import { evaluate, holder, makeCell, makePeople, makePerson } from "@/tools/testing/rule-fixtures";
import type { CellHolder, ConcernHome, GapType, RaciRole } from "./types";

// The gaps that describe who holds a cell; stale and flagged can sit on a covered cell.
const COVERAGE_GAPS: readonly GapType[] = [
  "no-accountable",
  "multiple-accountable",
  "no-responsible",
  "inactive-owner",
  "one-sided",
];

const people = makePeople(
  makePerson(1, "marketing"),
  makePerson(2, "it"),
  makePerson(3, "other"),
  makePerson(4, null),
  makePerson(5, "it", { active: false }),
);
const PERSON_IDS = [1, 2, 3, 4, 5, 99];
const ROLES: RaciRole[] = ["A", "R", "C", "I"];
const HOMES: ConcernHome[] = ["marketing", "it", "shared"];

/** Every set of up to three (person, role) holders, each confirmed or not. */
function enumerateHolderSets(): CellHolder[][] {
  const pairs = PERSON_IDS.flatMap((personId) => ROLES.map((role) => ({ personId, role })));
  const sets: CellHolder[][] = [[]];
  for (let i = 0; i < pairs.length; i++) {
    for (let j = i; j < pairs.length; j++) {
      for (let k = j; k < pairs.length; k++) {
        const picked = [pairs[i], pairs[j], pairs[k]].filter((pair) => pair !== undefined);
        sets.push(
          picked.map((pair, n) =>
            holder(pair.personId, pair.role, (i + j + k + n) % 3 === 0 ? null : undefined),
          ),
        );
      }
    }
  }
  return sets;
}

describe("evaluateCell over generated cells", () => {
  const holderSets = enumerateHolderSets();

  it("generates a large set of cells", () => {
    expect(holderSets.length).toBe(2601);
  });

  it("is uncovered exactly when the cell has a coverage gap, and any uncovered cell has a gap", () => {
    let uncovered = 0;
    for (const concernHome of HOMES) {
      for (const holders of holderSets) {
        const cell = evaluate(makeCell({ concernHome, holders }), people);
        const types = cell.gaps.map((gap) => gap.type);
        const hasCoverageGap = types.some((type) => COVERAGE_GAPS.includes(type));
        expect(!cell.covered, JSON.stringify(holders)).toBe(hasCoverageGap);
        if (!cell.covered) {
          uncovered += 1;
          expect(cell.gaps.length).toBeGreaterThan(0);
        }
        expect(cell.score > 0).toBe(cell.gaps.length > 0);
      }
    }
    // Both outcomes occur, so the property is not vacuous.
    expect(uncovered).toBeGreaterThan(0);
    expect(uncovered).toBeLessThan(HOMES.length * holderSets.length);
  });

  it("with no review flag and fresh confirmations, is uncovered exactly when it has any gap", () => {
    for (const concernHome of HOMES) {
      for (const holders of holderSets) {
        const fresh = holders.map((h) => holder(h.personId, h.role));
        const cell = evaluate(makeCell({ concernHome, holders: fresh }), people);
        expect(!cell.covered, JSON.stringify(fresh)).toBe(cell.gaps.length > 0);
      }
    }
  });

  it("gives out-of-scope cells no gaps and never covers them", () => {
    for (const holders of holderSets.slice(0, 200)) {
      const cell = evaluate(makeCell({ inScope: false, concernHome: "shared", holders }), people);
      expect(cell).toMatchObject({ covered: false, gaps: [], score: 0 });
    }
  });
});
