import { describe, expect, it } from "vitest";
import { evaluateCell, evaluateCells } from "./evaluate-cell";
import {
  AS_OF,
  daysBefore,
  evaluate,
  holder,
  makeCell,
  makePeople,
  makePerson,
} from "@/tools/testing/rule-fixtures";
import { DEFAULT_RULE_SETTINGS } from "./weights";
import type { CellInput, GapType } from "./types";

const MKT = 1;
const IT = 2;
const OTHER = 3;
const NO_TEAM = 4;
const MKT_GONE = 5;
const IT_2 = 6;
const UNKNOWN = 99;

const people = makePeople(
  makePerson(MKT, "marketing"),
  makePerson(IT, "it"),
  makePerson(OTHER, "other"),
  makePerson(NO_TEAM, null),
  makePerson(MKT_GONE, "marketing", { active: false }),
  makePerson(IT_2, "it"),
);

function gapsOf(overrides: Partial<CellInput>): GapType[] {
  return evaluate(makeCell(overrides), people).gaps.map((gap) => gap.type);
}

describe("evaluateCell: accountable and responsible", () => {
  it("covers a cell with one active A, the A counting as R when there is no R", () => {
    const cell = evaluate(makeCell({ holders: [holder(MKT, "A")] }), people);
    expect(cell).toMatchObject({ covered: true, gaps: [], score: 0 });
  });

  it("covers a cell with one A and a separate R", () => {
    expect(evaluate(makeCell({ holders: [holder(MKT, "A"), holder(IT, "R")] }), people).covered).toBe(true);
  });

  it("flags two A holders as multiple-accountable and leaves the cell uncovered", () => {
    const cell = evaluate(makeCell({ holders: [holder(MKT, "A"), holder(IT, "A")] }), people);
    expect(cell.covered).toBe(false);
    expect(cell.gaps).toEqual([{ type: "multiple-accountable", severity: "high" }]);
  });

  it("counts a person holding A twice as one A holder", () => {
    const cell = evaluate(makeCell({ holders: [holder(MKT, "A"), holder(MKT, "A")] }), people);
    expect(cell.covered).toBe(true);
  });

  it("reports only no-accountable when there is an R but no A", () => {
    const cell = evaluate(makeCell({ holders: [holder(MKT, "R")] }), people);
    expect(cell.covered).toBe(false);
    expect(cell.gaps).toEqual([{ type: "no-accountable", severity: "critical" }]);
  });

  it("reports no-accountable and no-responsible when only C and I hold the cell", () => {
    expect(gapsOf({ holders: [holder(MKT, "C"), holder(IT, "I")] })).toEqual([
      "no-accountable",
      "no-responsible",
    ]);
  });

  it("reports no-accountable and no-responsible on an empty cell", () => {
    expect(gapsOf({ holders: [] })).toEqual(["no-accountable", "no-responsible"]);
  });
});

describe("evaluateCell: inactive owners", () => {
  it("flags an inactive A holder but still counts them as the A", () => {
    const cell = evaluate(makeCell({ holders: [holder(MKT_GONE, "A")] }), people);
    expect(cell.covered).toBe(false);
    expect(cell.gaps.map((gap) => gap.type)).toEqual(["inactive-owner"]);
  });

  it("flags an inactive R holder next to an active A", () => {
    expect(gapsOf({ holders: [holder(MKT, "A"), holder(MKT_GONE, "R")] })).toEqual(["inactive-owner"]);
  });

  it("ignores an inactive C or I holder", () => {
    const cell = evaluate(makeCell({ holders: [holder(MKT, "A"), holder(MKT_GONE, "C")] }), people);
    expect(cell).toMatchObject({ covered: true, gaps: [] });
  });

  it("treats a person missing from the people map as inactive and of no function", () => {
    expect(gapsOf({ holders: [holder(UNKNOWN, "A")] })).toEqual(["inactive-owner"]);
    expect(gapsOf({ concernHome: "shared", holders: [holder(UNKNOWN, "A"), holder(IT, "R")] })).toEqual([
      "inactive-owner",
      "one-sided",
    ]);
  });
});

describe("evaluateCell: shared concerns", () => {
  it("covers a shared cell with a marketing A and an IT R", () => {
    const cell = evaluate(
      makeCell({ concernHome: "shared", holders: [holder(MKT, "A"), holder(IT, "R")] }),
      people,
    );
    expect(cell).toMatchObject({ covered: true, gaps: [] });
  });

  it("reports a shared cell held by IT only as one-sided", () => {
    const cell = evaluate(
      makeCell({ concernHome: "shared", holders: [holder(IT, "A"), holder(IT_2, "R")] }),
      people,
    );
    expect(cell.covered).toBe(false);
    expect(cell.gaps).toEqual([{ type: "one-sided", severity: "medium" }]);
  });

  it("does not count C holders toward the two sides", () => {
    expect(gapsOf({ concernHome: "shared", holders: [holder(IT, "A"), holder(MKT, "C")] })).toEqual([
      "one-sided",
    ]);
  });

  it("counts a person of an `other` team or of no team for neither side", () => {
    expect(gapsOf({ concernHome: "shared", holders: [holder(IT, "A"), holder(OTHER, "R")] })).toEqual([
      "one-sided",
    ]);
    expect(gapsOf({ concernHome: "shared", holders: [holder(OTHER, "A"), holder(NO_TEAM, "R")] })).toEqual([
      "one-sided",
    ]);
  });

  it("does not report one-sided when there is no A or R holder at all", () => {
    expect(gapsOf({ concernHome: "shared", holders: [holder(MKT, "C")] })).toEqual([
      "no-accountable",
      "no-responsible",
    ]);
  });

  it("reports one-sided for an R-only shared cell next to no-accountable", () => {
    expect(gapsOf({ concernHome: "shared", holders: [holder(MKT, "R")] })).toEqual([
      "no-accountable",
      "one-sided",
    ]);
  });

  it("never reports one-sided on a marketing or IT concern", () => {
    expect(gapsOf({ concernHome: "it", holders: [holder(MKT, "A")] })).toEqual([]);
  });
});

describe("evaluateCell: stale confirmations", () => {
  const staleGaps = (confirmedAt: Date | null, role: "A" | "R" = "A") =>
    gapsOf({
      holders: [holder(MKT, "A", role === "A" ? confirmedAt : daysBefore(1)), holder(IT, "R", confirmedAt)],
    });

  it("counts whole days: confirmed any time on day D-28 is fresh as of day D, any time on D-29 stale", () => {
    // AS_OF is 2026-03-02 12:00 UTC, so day D is 2 March and D-28 is 2 February.
    expect(staleGaps(new Date("2026-02-02T00:00:00.000Z"))).toEqual([]);
    expect(staleGaps(new Date("2026-02-01T23:59:59.999Z"))).toEqual(["stale"]);
    expect(staleGaps(new Date("2026-02-01T00:00:00.000Z"))).toEqual(["stale"]);
  });

  it("counts the days of the organisation's calendar", () => {
    const gapsIn = (timeZone: string, asOf: Date, confirmedAt: Date) =>
      evaluateCell(makeCell({ holders: [holder(MKT, "A", confirmedAt), holder(IT, "R")] }), people, asOf, { ...DEFAULT_RULE_SETTINGS, timeZone })
        .gaps.map((gap) => gap.type);
    // Confirmed 27 October (23:00 in Auckland, UTC+13); as of 24 November in UTC, already the 25th in
    // Auckland: 28 days in one calendar, 29 in the other.
    const asOf = new Date("2026-11-24T11:30:00.000Z");
    const confirmed = new Date("2026-10-27T10:00:00.000Z");
    expect(gapsIn("UTC", asOf, confirmed)).toEqual([]);
    expect(gapsIn("Pacific/Auckland", asOf, confirmed)).toEqual(["stale"]);
    // Across the end of daylight saving in Berlin (25 October), a day of 25 hours is still one day.
    expect(gapsIn("Europe/Berlin", new Date("2026-11-20T23:30:00.000Z"), new Date("2026-10-23T22:00:00.000Z"))).toEqual([]);
    expect(gapsIn("Europe/Berlin", new Date("2026-11-20T23:30:00.000Z"), new Date("2026-10-23T21:59:59.999Z"))).toEqual(["stale"]);
  });

  it("reports an A never confirmed as stale", () => {
    expect(staleGaps(null)).toEqual(["stale"]);
  });

  it("ignores how stale an R holder is", () => {
    expect(staleGaps(null, "R")).toEqual([]);
  });

  it("reports stale when any of several A holders is stale", () => {
    expect(gapsOf({ holders: [holder(MKT, "A"), holder(IT, "A", null)] })).toEqual([
      "multiple-accountable",
      "stale",
    ]);
  });

  it("uses the staleAfterDays setting", () => {
    const cell = makeCell({ holders: [holder(MKT, "A", daysBefore(8))] });
    const settings = { ...DEFAULT_RULE_SETTINGS, staleAfterDays: 7 };
    expect(evaluateCell(cell, people, AS_OF, settings).gaps.map((gap) => gap.type)).toEqual(["stale"]);
  });

  it("keeps a stale cell covered: staleness is a gap, not a coverage failure", () => {
    expect(evaluate(makeCell({ holders: [holder(MKT, "A", null)] }), people).covered).toBe(true);
  });
});

describe("evaluateCell: flags, scope and score", () => {
  it("reports flagged only for a flag decision", () => {
    expect(gapsOf({ holders: [holder(MKT, "A")], latestReviewDecision: "flag" })).toEqual(["flagged"]);
    expect(gapsOf({ holders: [holder(MKT, "A")], latestReviewDecision: "handoff" })).toEqual([]);
  });

  it("gives a retired asset's cell no gaps, no coverage and a zero score", () => {
    const cell = evaluate(makeCell({ inScope: false, holders: [], latestReviewDecision: "flag" }), people);
    expect(cell).toMatchObject({ covered: false, gaps: [], score: 0 });
  });

  it("sums severity x criticality weights over every gap, listed in table order", () => {
    const cell = evaluate(
      makeCell({
        assetCriticality: "critical",
        concernHome: "shared",
        latestReviewDecision: "flag",
        holders: [holder(IT, "A", null), holder(MKT_GONE, "A"), holder(IT_2, "R")],
      }),
      people,
    );
    expect(cell.gaps.map((gap) => gap.type)).toEqual([
      "multiple-accountable",
      "inactive-owner",
      "stale",
      "flagged",
    ]);
    // (3 + 5 + 2 + 3) x 5
    expect(cell.score).toBe(65);
  });

  it("weights criticality low 1, medium 2, high 3, critical 5", () => {
    const scores = (["low", "medium", "high", "critical"] as const).map(
      (assetCriticality) => evaluate(makeCell({ assetCriticality, holders: [] }), people).score,
    );
    // no-accountable (5) + no-responsible (3) = 8 per weight unit
    expect(scores).toEqual([8, 16, 24, 40]);
  });

  it("evaluates a list of cells in order", () => {
    const cells = [makeCell({ holders: [] }), makeCell({ holders: [holder(MKT, "A")] })];
    expect(evaluateCells(cells, people, AS_OF, DEFAULT_RULE_SETTINGS).map((cell) => cell.covered)).toEqual([
      false,
      true,
    ]);
  });
});
