import { describe, expect, it } from "vitest";
import { coverageOf, summarizeCoverage } from "./coverage";
import { holder, makeEvaluated, makePeople, makePerson } from "@/tools/testing/rule-fixtures";
import type { EvaluatedCell } from "./types";

const people = makePeople(
  makePerson(1, "marketing", { teamId: 10 }),
  makePerson(2, "it", { teamId: 20 }),
  makePerson(3, "marketing", { teamId: 11, active: false }),
  makePerson(4, null),
);

const coveredCell = (overrides: Partial<EvaluatedCell> = {}) =>
  makeEvaluated({ holders: [holder(1, "A")], ...overrides }, people);
const uncoveredCell = (overrides: Partial<EvaluatedCell> = {}) =>
  makeEvaluated({ holders: [], ...overrides }, people);

describe("coverageOf", () => {
  it("rounds to one decimal", () => {
    expect(coverageOf([coveredCell(), coveredCell(), uncoveredCell()])).toEqual({
      inScope: 3,
      covered: 2,
      percent: 66.7,
    });
    expect(coverageOf([coveredCell(), uncoveredCell(), uncoveredCell()]).percent).toBe(33.3);
  });

  it("rounds a half up (1/16 = 6.25% -> 6.3)", () => {
    const cells = [coveredCell(), ...Array.from({ length: 15 }, () => uncoveredCell())];
    expect(coverageOf(cells)).toEqual({ inScope: 16, covered: 1, percent: 6.3 });
  });

  it("gives null percent when nothing is in scope", () => {
    expect(coverageOf([])).toEqual({ inScope: 0, covered: 0, percent: null });
    expect(coverageOf([coveredCell({ inScope: false })])).toEqual({ inScope: 0, covered: 0, percent: null });
  });

  it("leaves retired cells out of the count", () => {
    expect(coverageOf([coveredCell(), uncoveredCell({ inScope: false })])).toEqual({
      inScope: 1,
      covered: 1,
      percent: 100,
    });
  });
});

describe("summarizeCoverage", () => {
  const cells = [
    coveredCell({ concernHome: "marketing", concernKey: "content", assetKindKey: "website" }),
    uncoveredCell({ concernHome: "it", concernKey: "hosting-uptime", assetKindKey: "website" }),
    makeEvaluated(
      {
        concernHome: "shared",
        concernKey: "privacy-compliance",
        assetKindKey: "crm",
        holders: [holder(1, "A"), holder(2, "R")],
      },
      people,
    ),
    makeEvaluated(
      {
        concernHome: "shared",
        concernKey: "privacy-compliance",
        assetKindKey: "crm",
        holders: [holder(2, "A")],
      },
      people,
    ),
    // Person 3 is inactive but still a member of team 11 for coverage by team.
    makeEvaluated(
      { concernKey: "content", assetKindKey: "crm", holders: [holder(3, "A"), holder(1, "R")] },
      people,
    ),
    // Retired: counts nowhere, though its kind still appears.
    coveredCell({ concernKey: "content", assetKindKey: "chatbot", inScope: false }),
    // Team 20 holds only C here: not a team cell.
    makeEvaluated({ concernKey: "content", holders: [holder(4, "A"), holder(2, "C")] }, people),
  ];
  const summary = summarizeCoverage(cells, people);

  it("computes overall and per-home coverage, every home present", () => {
    expect(summary.overall).toEqual({ inScope: 6, covered: 3, percent: 50 });
    expect(summary.byHome).toEqual({
      marketing: { inScope: 3, covered: 2, percent: 66.7 },
      it: { inScope: 1, covered: 0, percent: 0 },
      shared: { inScope: 2, covered: 1, percent: 50 },
    });
    expect(summarizeCoverage([], people).byHome.shared).toEqual({ inScope: 0, covered: 0, percent: null });
  });

  it("computes per-kind and per-concern coverage", () => {
    expect(summary.byKind).toEqual({
      website: { inScope: 3, covered: 2, percent: 66.7 },
      crm: { inScope: 3, covered: 1, percent: 33.3 },
      chatbot: { inScope: 0, covered: 0, percent: null },
    });
    expect(summary.byConcern).toEqual({
      content: { inScope: 3, covered: 2, percent: 66.7 },
      "hosting-uptime": { inScope: 1, covered: 0, percent: 0 },
      "privacy-compliance": { inScope: 2, covered: 1, percent: 50 },
    });
  });

  it("counts a team's cells as those where a member holds A or R, once per cell", () => {
    expect(summary.byTeam).toEqual({
      10: { inScope: 3, covered: 2, percent: 66.7 },
      11: { inScope: 1, covered: 0, percent: 0 },
      20: { inScope: 2, covered: 1, percent: 50 },
    });
  });
});
