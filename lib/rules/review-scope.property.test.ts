import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateCells } from "./evaluate-cell";
import { computeReviewScope, listTeamsWithScope } from "./review-scope";
import { arbitraryCells, arbitraryPeople } from "@/tools/testing/rule-arbitraries";
import { AS_OF } from "@/tools/testing/rule-fixtures";
import { DEFAULT_RULE_SETTINGS } from "./weights";
import type { TeamFunction } from "./types";

/** A team per id the people use, and one with no member, of every function. */
const TEAMS: { id: number; function: TeamFunction }[] = [
  { id: 1, function: "marketing" },
  { id: 2, function: "it" },
  { id: 3, function: "other" },
  { id: 4, function: "marketing" },
  { id: 5, function: "it" },
];

describe("listTeamsWithScope, for any cells and people", () => {
  it("names exactly the teams whose review scope (before hand-offs) holds a cell", () => {
    fc.assert(
      fc.property(arbitraryCells, arbitraryPeople, (cells, people) => {
        const evaluated = evaluateCells(cells, people, AS_OF, DEFAULT_RULE_SETTINGS);
        const expected = TEAMS.filter((team) => computeReviewScope(team, evaluated, people, []).length > 0).map((team) => team.id);
        expect([...listTeamsWithScope(TEAMS, cells, people)].sort()).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
