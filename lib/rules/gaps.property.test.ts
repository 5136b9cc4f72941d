import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateCell } from "./evaluate-cell";
import { arbitraryCell, arbitraryPeople, arbitrarySettings } from "@/tools/testing/rule-arbitraries";
import { AS_OF, DAY_MS } from "@/tools/testing/rule-fixtures";
import { CRITICALITY_WEIGHT, DEFAULT_RULE_SETTINGS, GAP_SEVERITY, GAP_TYPES, SEVERITY_WEIGHT } from "./weights";
import type { CellInput, GapType, RaciRole, RulePerson, RuleSettings } from "./types";

/** The gaps that say who holds a cell: a cell in scope is covered exactly when it has none of them. */
const COVERAGE_GAPS: readonly GapType[] = ["no-accountable", "multiple-accountable", "no-responsible", "inactive-owner", "one-sided"];

const idsHolding = (cell: CellInput, roles: RaciRole[]) => new Set(cell.holders.filter((h) => roles.includes(h.role)).map((h) => h.personId));

/** Each gap's condition, read straight from the table of DESIGN.md section 3. */
function expectedGaps(cell: CellInput, people: Map<number, RulePerson>, asOf: Date, { staleAfterDays, timeZone }: RuleSettings): GapType[] {
  const accountable = idsHolding(cell, ["A"]);
  const owners = [...idsHolding(cell, ["A", "R"])];
  const functions = new Set(owners.map((id) => people.get(id)?.function));
  const conditions: Record<GapType, boolean> = {
    "no-accountable": accountable.size === 0,
    "multiple-accountable": accountable.size > 1,
    "no-responsible": owners.length === 0,
    "inactive-owner": owners.some((id) => !people.get(id)?.active),
    "one-sided": cell.concernHome === "shared" && owners.length > 0 && !(functions.has("marketing") && functions.has("it")),
    stale: cell.holders.some(
      (h) => h.role === "A" && (h.confirmedAt === null || dayNumber(asOf, timeZone) - dayNumber(h.confirmedAt, timeZone) > staleAfterDays),
    ),
    flagged: cell.latestReviewDecision === "flag",
  };
  return GAP_TYPES.filter((type) => conditions[type]);
}

/** The calendar day an instant falls on in a time zone, as a count of days: read with Intl, not Luxon. */
function dayNumber(instant: Date, timeZone: string): number {
  const date = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

const RUNS = { numRuns: 400 };

const BASE_CELL: CellInput = {
  assetId: 1,
  assetKey: "site",
  assetKindKey: "website",
  assetCriticality: "high",
  inScope: true,
  concernId: 1,
  concernKey: "hosting",
  concernHome: "it",
  holders: [],
  latestReviewDecision: null,
};

describe("evaluateCell, for any cell and people", () => {
  it("finds exactly the gaps whose condition holds, in the documented order, with their severities", () => {
    fc.assert(
      fc.property(arbitraryCell, arbitraryPeople, arbitrarySettings, (cell, people, settings) => {
        const evaluated = evaluateCell(cell, people, AS_OF, settings);
        const expected = cell.inScope ? expectedGaps(cell, people, AS_OF, settings) : [];
        expect(evaluated.gaps).toEqual(expected.map((type) => ({ type, severity: GAP_SEVERITY[type] })));
      }),
      RUNS,
    );
  });

  it("covers a cell in scope exactly when it has none of the five coverage gaps, and never one out of scope", () => {
    fc.assert(
      fc.property(arbitraryCell, arbitraryPeople, (cell, people) => {
        const evaluated = evaluateCell(cell, people, AS_OF, DEFAULT_RULE_SETTINGS);
        const coverageGaps = evaluated.gaps.filter((gap) => COVERAGE_GAPS.includes(gap.type));
        expect(evaluated.covered).toBe(cell.inScope && coverageGaps.length === 0);
        if (!cell.inScope) expect(evaluated).toMatchObject({ covered: false, gaps: [], score: 0 });
      }),
      RUNS,
    );
  });

  it("scores the sum of severity weight x criticality weight over the gaps", () => {
    fc.assert(
      fc.property(arbitraryCell, arbitraryPeople, (cell, people) => {
        const evaluated = evaluateCell(cell, people, AS_OF, DEFAULT_RULE_SETTINGS);
        const sum = evaluated.gaps.reduce((total, gap) => total + SEVERITY_WEIGHT[gap.severity] * CRITICALITY_WEIGHT[cell.assetCriticality], 0);
        expect(evaluated.score).toBe(sum);
        expect(evaluated.score > 0).toBe(evaluated.gaps.length > 0);
      }),
      RUNS,
    );
  });

  it("does not depend on the order of the holders, nor on a holder listed twice", () => {
    fc.assert(
      fc.property(arbitraryCell, arbitraryPeople, fc.nat(), (cell, people, pick) => {
        const evaluated = evaluateCell(cell, people, AS_OF, DEFAULT_RULE_SETTINGS);
        const reversed = { ...cell, holders: [...cell.holders].reverse() };
        const duplicate = cell.holders.length ? [cell.holders[pick % cell.holders.length]!] : [];
        const repeated = { ...cell, holders: [...cell.holders, ...duplicate] };
        for (const variant of [reversed, repeated]) {
          const { covered, gaps, score } = evaluateCell(variant, people, AS_OF, DEFAULT_RULE_SETTINGS);
          expect({ covered, gaps, score }).toEqual({ covered: evaluated.covered, gaps: evaluated.gaps, score: evaluated.score });
        }
      }),
      RUNS,
    );
  });

  it("only grows staler with time, while coverage does not depend on the date", () => {
    fc.assert(
      fc.property(arbitraryCell, arbitraryPeople, fc.integer({ min: 0, max: 90 * DAY_MS }), (cell, people, later) => {
        const now = evaluateCell(cell, people, AS_OF, DEFAULT_RULE_SETTINGS);
        const then = evaluateCell(cell, people, new Date(AS_OF.getTime() + later), DEFAULT_RULE_SETTINGS);
        const stale = (evaluated: typeof now) => evaluated.gaps.some((gap) => gap.type === "stale");
        if (stale(now)) expect(stale(then)).toBe(true);
        expect(then.covered).toBe(now.covered);
        expect(then.score).toBeGreaterThanOrEqual(now.score);
      }),
      RUNS,
    );
  });

  it("counts staleness in whole days of the organisation's calendar, on any date, across daylight saving", () => {
    const YEAR_MS = 366 * DAY_MS;
    fc.assert(
      fc.property(
        arbitrarySettings,
        fc.integer({ min: 0, max: YEAR_MS }),
        fc.integer({ min: 0, max: 70 * DAY_MS }),
        (settings, intoYear, age) => {
          const people = new Map([[1, { id: 1, email: "a@x", teamId: 1, function: "marketing" as const, active: true }]]);
          const asOf = new Date(Date.UTC(2026, 0, 1) + intoYear);
          const confirmedAt = new Date(asOf.getTime() - age);
          const cell = { ...BASE_CELL, holders: [{ personId: 1, role: "A" as const, confirmedAt }] };
          const stale = evaluateCell(cell, people, asOf, settings).gaps.some((gap) => gap.type === "stale");
          expect(stale).toBe(dayNumber(asOf, settings.timeZone) - dayNumber(confirmedAt, settings.timeZone) > settings.staleAfterDays);
        },
      ),
      RUNS,
    );
  });
});
