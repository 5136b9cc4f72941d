import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildCells,
  catalogAsOf,
  coverageOf,
  DEFAULT_RULE_SETTINGS,
  evaluateCells,
  holdersAsOf,
  peopleAsOf,
  type AssignmentRecord,
  type AttributeHistory,
  type Period,
  type PersonRecord,
  type RaciRole,
  type RuleAsset,
  type RuleConcern,
  type TeamFunction,
} from "@/lib/rules";
import { cellMatches } from "./build-report";
import { computeCoverageTrend, trendFilters, trendInstants, type CoverageHistory, type TrendFigures } from "./coverage-trend";
import type { ReportFilters } from "./filters";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5); // a Monday
const day = (n: number) => new Date(T0 + n * DAY);

const concerns: RuleConcern[] = [
  { id: 1, key: "content", home: "marketing", kindKeys: ["website"] },
  { id: 2, key: "hosting", home: "it", kindKeys: ["website", "crm"] },
  { id: 3, key: "privacy", home: "shared", kindKeys: ["website", "crm"] },
];
const people: PersonRecord[] = [
  { id: 1, email: "m@x", teamId: 10, function: "marketing", deactivatedAt: null },
  { id: 2, email: "i@x", teamId: 20, function: "it", deactivatedAt: null },
  { id: 3, email: "left@x", teamId: 20, function: "it", deactivatedAt: day(20) },
];
const asset = (id: number, kindKey: string, created = 0, retired: number | null = null): RuleAsset => ({
  id,
  key: `asset-${id}`,
  kindKey,
  criticality: "high",
  lifecycle: retired === null ? "active" : "retired",
  createdAt: day(created),
  retiredAt: retired === null ? null : day(retired),
});
const assign = (assetId: number, concernId: number, personId: number, role: RaciRole, start: number, end: number | null = null): AssignmentRecord => ({
  assetId,
  concernId,
  personId,
  role,
  startedAt: day(start),
  endedAt: end === null ? null : day(end),
  source: "app",
  confirmations: [],
});

/** The report's own path, evaluated from scratch at one instant: what every trend point must equal. */
function coverageFromScratch(history: CoverageHistory, at: Date, filters: ReportFilters): TrendFigures {
  const then = catalogAsOf(history, history.attributes, at);
  const rulePeople = peopleAsOf(then.people, at);
  const cells = evaluateCells(
    buildCells(then.assets, then.concerns, holdersAsOf(history.assignments, at), new Map(), at),
    rulePeople,
    at,
    history.settings,
  ).filter((cell) => cellMatches(cell, trendFilters(filters), rulePeople));
  return {
    overall: coverageOf(cells),
    marketing: coverageOf(cells.filter((cell) => cell.concernHome === "marketing")),
    it: coverageOf(cells.filter((cell) => cell.concernHome === "it")),
    shared: coverageOf(cells.filter((cell) => cell.concernHome === "shared")),
  };
}

const handBuilt: CoverageHistory = {
  assets: [asset(1, "website"), asset(2, "crm", 10), asset(3, "website", 0, 15)],
  concerns,
  assignments: [
    assign(1, 1, 1, "A", 0),
    assign(1, 2, 2, "A", 0, 8),
    assign(1, 2, 3, "A", 8),
    assign(1, 3, 1, "A", 3),
    assign(1, 3, 2, "R", 5),
    assign(2, 2, 2, "A", 12),
    assign(3, 1, 1, "A", 0),
  ],
  people,
  // No history: every attribute as it is now, at any date.
  attributes: { assets: new Map(), concernHomes: new Map(), concernKinds: new Map(), people: new Map(), teamFunctions: new Map() },
  settings: DEFAULT_RULE_SETTINGS,
};

/** Periods of a value that took `values[i]` from day `from[i]` (ascending) on. */
function timeline<T>(values: T[], from: number[]): Period<T>[] {
  return values.map((value, i) => ({ value, startedAt: day(from[i]!), endedAt: i + 1 < from.length ? day(from[i + 1]!) : null }));
}

describe("computeCoverageTrend", () => {
  it("follows the history week by week on a hand-built organisation", () => {
    const instants = [day(1), day(6), day(9), day(13), day(16), day(21)];
    const trend = computeCoverageTrend(handBuilt, instants, {});
    // Day 1: website 1 has content covered (A by marketing), hosting covered, privacy uncovered; website 3 content covered;
    // website 3's hosting and privacy have no holder.
    expect(trend[0]!.overall).toEqual({ inScope: 6, covered: 3, percent: 50 });
    expect(trend[0]!.shared).toEqual({ inScope: 2, covered: 0, percent: 0 });
    // Day 6: privacy of website 1 now has marketing A and IT R: covered.
    expect(trend[1]!.shared).toEqual({ inScope: 2, covered: 1, percent: 50 });
    // Day 16: website 3 retired (its 3 cells leave), CRM 2 arrived on day 10 with hosting covered from day 12.
    expect(trend[4]!.overall).toEqual({ inScope: 5, covered: 4, percent: 80 });
    // Day 21: person 3 (A on hosting of website 1 since day 8) left on day 20.
    expect(trend[5]!.it).toEqual({ inScope: 2, covered: 1, percent: 50 });
    instants.forEach((at, i) => expect(trend[i]).toEqual(coverageFromScratch(handBuilt, at, {})));
  });

  it("honours the filters but not the gap type", () => {
    const filters: ReportFilters = { team: 20, gap: "stale" };
    const instants = [day(1), day(9), day(21)];
    const trend = computeCoverageTrend(handBuilt, instants, filters);
    instants.forEach((at, i) => expect(trend[i]).toEqual(coverageFromScratch(handBuilt, at, filters)));
    expect(trend[0]!.overall.inScope).toBe(1);
  });

  it("reads assets, concerns, people and teams as they were at each instant", () => {
    // Website 1 became low criticality on day 10; person 1 moved from team 10 to team 20 on day 10, and
    // team 20 turned from IT to marketing on day 14; privacy stopped applying to websites on day 18.
    const attributes: AttributeHistory = {
      assets: new Map([[1, timeline([{ kindKey: "website", criticality: "high" as const, lifecycle: "active" as const }, { kindKey: "website", criticality: "low" as const, lifecycle: "active" as const }], [0, 10])]]),
      concernHomes: new Map(),
      concernKinds: new Map([[3, [...timeline(["website"], [0]).map((period) => ({ ...period, endedAt: day(18) })), ...timeline(["crm"], [0])]]]),
      people: new Map([[1, timeline([{ teamId: 10, active: true }, { teamId: 20, active: true }], [0, 10])]]),
      teamFunctions: new Map<number, Period<TeamFunction>[]>([[10, timeline<TeamFunction>(["marketing"], [0])], [20, timeline<TeamFunction>(["it", "marketing"], [0, 14])]]),
    };
    const now: CoverageHistory = {
      ...handBuilt,
      assets: handBuilt.assets.map((a) => (a.id === 1 ? { ...a, criticality: "low" } : a)),
      concerns: concerns.map((c) => (c.id === 3 ? { ...c, kindKeys: ["crm"] } : c)),
      people: people.map((p) => (p.id === 1 ? { ...p, teamId: 20 } : p.id === 2 ? { ...p, function: "marketing" } : p)),
      attributes,
    };
    const instants = [day(1), day(6), day(11), day(15), day(19), day(21)];
    const filters: ReportFilters[] = [{}, { criticality: "high" }, { team: 10 }, { team: 20 }, { function: "shared" }];
    for (const filter of filters) {
      const trend = computeCoverageTrend(now, instants, filter);
      instants.forEach((at, i) => expect(trend[i]).toEqual(coverageFromScratch(now, at, filter)));
    }
    const trend = computeCoverageTrend(now, instants, {});
    // Day 6: privacy of website 1 has marketing A (person 1) and IT R (person 2): covered, as before.
    expect(trend[1]!.shared).toEqual({ inScope: 2, covered: 1, percent: 50 });
    // Day 15: team 20 is marketing now, so privacy of website 1 is held by marketing only: one-sided.
    expect(trend[3]!.shared).toEqual({ inScope: 2, covered: 0, percent: 0 });
    // Day 19: privacy no longer applies to websites; only CRM 2's privacy cell remains, uncovered.
    expect(trend[4]!.shared).toEqual({ inScope: 1, covered: 0, percent: 0 });
    // Filtered to high criticality, website 1 (3 cells) counts until day 10 only; CRM 2 (2 cells) arrived on day 10.
    expect(computeCoverageTrend(now, [day(6), day(11)], { criticality: "high" }).map((point) => point.overall.inScope)).toEqual([6, 5]);
  });

  it("refuses instants out of order", () => {
    expect(() => computeCoverageTrend(handBuilt, [day(5), day(1)], {})).toThrow(RangeError);
  });

  it("equals a from-scratch evaluation at every instant of random histories", () => {
    const arbitraryAssignment = fc.record({
      assetId: fc.integer({ min: 1, max: 4 }),
      concernId: fc.integer({ min: 1, max: 3 }),
      personId: fc.integer({ min: 1, max: 4 }),
      role: fc.constantFrom<RaciRole>("A", "R", "C", "I"),
      // Mostly long-lived assignments, so that quiet weeks (where only a departure changes anything) occur.
      start: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 })),
      length: fc.option(fc.integer({ min: 0, max: 40 }), { freq: 1 }),
    });
    const arbitraryAsset = fc.record({
      kind: fc.constantFrom("website", "crm"),
      created: fc.integer({ min: 0, max: 40 }),
      retired: fc.option(fc.integer({ min: 0, max: 70 })),
    });
    const arbitraryFilters = fc.record(
      {
        team: fc.constantFrom(10, 20),
        function: fc.constantFrom("marketing" as const, "it" as const, "shared" as const),
        kind: fc.constantFrom("website", "crm"),
        criticality: fc.constantFrom("high" as const, "low" as const),
      },
      { requiredKeys: [] },
    );
    const arbitraryAttributeChanges = fc.record({
      assets: fc.array(fc.option(fc.record({ day: fc.integer({ min: 0, max: 70 }), kind: fc.constantFrom("website", "crm"), criticality: fc.constantFrom("high" as const, "low" as const) })), { minLength: 4, maxLength: 4 }),
      privacyHome: fc.option(fc.record({ day: fc.integer({ min: 1, max: 70 }), home: fc.constantFrom("it" as const, "marketing" as const) })),
      contentOnCrm: fc.option(fc.record({ from: fc.integer({ min: 0, max: 60 }), until: fc.option(fc.integer({ min: 1, max: 30 })) })),
      moves: fc.array(fc.option(fc.integer({ min: 1, max: 70 })), { minLength: 4, maxLength: 4 }),
      returns: fc.array(fc.option(fc.integer({ min: 0, max: 30 })), { minLength: 4, maxLength: 4 }),
      itBecomes: fc.option(fc.record({ day: fc.integer({ min: 1, max: 70 }), function: fc.constantFrom<TeamFunction>("marketing", "other") })),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryAsset, { minLength: 1, maxLength: 4 }),
        fc.array(arbitraryAssignment, { maxLength: 20 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 70 })), { minLength: 4, maxLength: 4 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 80 }), { minLength: 1, maxLength: 12 }),
        arbitraryFilters,
        arbitraryAttributeChanges,
        (assets, assignments, deactivations, days, filters, changes) => {
          const attributes: AttributeHistory = {
            assets: new Map(
              assets.map((a, i) => {
                // Retirement is read from its date (cellInput), so the lifecycle may say retired all along.
                const lifecycle = a.retired === null ? ("active" as const) : ("retired" as const);
                const before = { kindKey: a.kind, criticality: "high" as const, lifecycle };
                const change = changes.assets[i];
                const after = change ? { kindKey: change.kind, criticality: change.criticality, lifecycle } : before;
                return [i + 1, change ? timeline([before, after], [a.created, Math.max(a.created, change.day)]) : timeline([before], [a.created])];
              }),
            ),
            concernHomes: new Map(changes.privacyHome ? [[3, timeline(["shared", changes.privacyHome.home], [0, changes.privacyHome.day])]] : []),
            concernKinds: new Map(
              changes.contentOnCrm ? [[1, [...timeline(["website"], [0]), ...timeline(["crm"], [changes.contentOnCrm.from]).map((p) => ({ ...p, endedAt: changes.contentOnCrm!.until === null ? null : day(changes.contentOnCrm!.from + changes.contentOnCrm!.until) }))]]] : [],
            ),
            people: new Map(
              deactivations.map((deactivated, i) => {
                const team = i % 2 === 0 ? 10 : 20;
                const move = changes.moves[i];
                const away = deactivated === null ? null : { from: deactivated, back: changes.returns[i] ?? null };
                const points = new Set([0, ...(move ? [move] : []), ...(away ? [away.from, ...(away.back === null ? [] : [away.from + away.back + 1])] : [])]);
                const days = [...points].sort((x, y) => x - y);
                return [
                  i + 1,
                  timeline(
                    days.map((d) => ({
                      teamId: move !== null && move !== undefined && d >= move ? 30 - team : team,
                      active: !away || d < away.from || (away.back !== null && d >= away.from + away.back + 1),
                    })),
                    days,
                  ),
                ];
              }),
            ),
            teamFunctions: new Map<number, Period<TeamFunction>[]>([
              [10, timeline<TeamFunction>(["marketing"], [0])],
              [20, changes.itBecomes ? timeline<TeamFunction>(["it", changes.itBecomes.function], [0, changes.itBecomes.day]) : timeline<TeamFunction>(["it"], [0])],
            ]),
          };
          const built: Omit<CoverageHistory, "attributes"> = {
            assets: assets.map((a, i) => ({ ...asset(i + 1, a.kind, a.created, a.retired), retiredAt: a.retired === null ? null : day(a.retired) })),
            concerns,
            assignments: assignments.map((a) => assign(a.assetId, a.concernId, a.personId, a.role, a.start, a.length === null ? null : a.start + a.length)),
            people: deactivations.map((deactivated, i) => ({
              id: i + 1,
              email: `p${i}@x`,
              teamId: i % 2 === 0 ? 10 : 20,
              function: i % 2 === 0 ? ("marketing" as const) : ("it" as const),
              deactivatedAt: deactivated === null ? null : day(deactivated),
            })),
            settings: DEFAULT_RULE_SETTINGS,
          };
          // The records are as they are now: the last period of each attribute.
          const at = new Date(T0 + 1000 * DAY);
          const history: CoverageHistory = { ...catalogAsOf(built, attributes, at), assignments: built.assignments, settings: built.settings, attributes };
          const instants = [...days].sort((a, b) => a - b).map((n) => new Date(T0 + n * DAY + (n % 3) * 3_600_000));
          const trend = computeCoverageTrend(history, instants, filters);
          instants.forEach((at, i) => expect(trend[i]).toEqual(coverageFromScratch(history, at, filters)));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("trendInstants", () => {
  it("ends each earlier point on a Sunday night and the last one at the as-of instant", () => {
    const asOf = new Date("2026-11-25T10:00:00Z"); // a Wednesday in 2026-W48
    const points = trendInstants(asOf, 3, "UTC");
    expect(points).toEqual([
      { week: "2026-W46", at: new Date("2026-11-15T23:59:59.999Z"), asOfDate: "2026-11-15" },
      { week: "2026-W47", at: new Date("2026-11-22T23:59:59.999Z"), asOfDate: "2026-11-22" },
      { week: "2026-W48", at: asOf, asOfDate: "2026-11-25" },
    ]);
  });

  it("crosses a year boundary with ISO week numbers", () => {
    const points = trendInstants(new Date("2027-01-06T12:00:00Z"), 3, "UTC");
    expect(points.map((point) => point.week)).toEqual(["2026-W52", "2026-W53", "2027-W01"]);
  });

  it("counts weeks and days in the organisation's time zone, daylight saving included", () => {
    // Monday 26 October 2026, 00:30 in Berlin (winter time since the 25th), still Sunday the 25th in UTC.
    const asOf = new Date("2026-10-25T23:30:00Z");
    expect(trendInstants(asOf, 3, "Europe/Berlin")).toEqual([
      { week: "2026-W42", at: new Date("2026-10-18T21:59:59.999Z"), asOfDate: "2026-10-18" },
      { week: "2026-W43", at: new Date("2026-10-25T22:59:59.999Z"), asOfDate: "2026-10-25" },
      { week: "2026-W44", at: asOf, asOfDate: "2026-10-26" },
    ]);
    expect(trendInstants(asOf, 2, "UTC").map((point) => point.asOfDate)).toEqual(["2026-10-18", "2026-10-25"]);
  });

  it("treats a Sunday as-of as the end of its own week", () => {
    const points = trendInstants(new Date("2026-11-22T23:59:59.999Z"), 2, "UTC");
    expect(points.map((point) => point.asOfDate)).toEqual(["2026-11-15", "2026-11-22"]);
  });
});
