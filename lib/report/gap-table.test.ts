import { describe, expect, it } from "vitest";
import { daysBefore, holder, makeEvaluated, makePeople, makePerson } from "@/tools/testing/rule-fixtures";
import type { EvaluatedCell } from "@/lib/rules";
import type { ReportFilters } from "./filters";
import { buildGapTable, nextGapTableSort, parseGapTableSort, selectReportCells, type GapTableNames, type ReportCells } from "./gap-table";
import type { ReportSelection } from "./selection";

// Teams: 10 Brand (marketing), 11 Growth (marketing), 20 Web Platform (it), 21 Data (it).
const people = makePeople(
  makePerson(1, "marketing", { teamId: 10, email: "maya@example.org" }),
  makePerson(2, "it", { teamId: 20, email: "tom@example.org" }),
  makePerson(3, "marketing", { teamId: 11, email: "grace@example.org" }),
  makePerson(4, "it", { teamId: 21, email: "kofi@example.org" }),
);

const cell = (assetKey: string, concernKey: string, overrides: Partial<EvaluatedCell> = {}) =>
  makeEvaluated({ assetKey, concernKey, ...overrides }, people);

/** A covered marketing cell held by Brand. */
const covered = cell("website", "content", { holders: [holder(1, "A")] });
/** Shared, held by Brand and Web Platform, covered: a collaboration cell. */
const sharedCovered = cell("website", "privacy", { concernHome: "shared", holders: [holder(1, "A"), holder(2, "R")] });
/** Shared and one-sided (Web Platform only), on a critical CRM. */
const oneSided = cell("crm", "privacy", { concernHome: "shared", assetKindKey: "crm", assetCriticality: "critical", holders: [holder(2, "A")] });
/** Nobody accountable. */
const orphan = cell("crm", "security", { concernHome: "it", assetKindKey: "crm", assetCriticality: "high" });
/** Stale, held by Web Platform with Growth consulted: a collaboration cell. */
const stale = cell("shop", "hosting", { concernHome: "it", holders: [holder(2, "A", daysBefore(40)), holder(3, "C")] });
/** Retired: never shown. */
const retired = cell("old-site", "content", { inScope: false });

const cells = [covered, sharedCovered, oneSided, orphan, stale, retired];

function report(filters: ReportFilters = {}, handoffFlows: ReportCells["handoffFlows"] = []): ReportCells {
  return { filters, cells, people, handoffFlows };
}

const keysOf = (list: EvaluatedCell[]) => list.map((entry) => `${entry.assetKey}/${entry.concernKey}`);
const select = (selection: ReportSelection, filters: ReportFilters = {}, flows: ReportCells["handoffFlows"] = []) =>
  keysOf(selectReportCells(report(filters, flows), selection));

describe("selectReportCells", () => {
  it("lists only in-scope cells with a gap, in the report's ranking, when nothing is selected", () => {
    expect([orphan.score, oneSided.score, stale.score]).toEqual([24, 10, 2]);
    expect(select({})).toEqual(["crm/security", "crm/privacy", "shop/hosting"]);
  });

  it("narrows to a gap type by filter or by selection", () => {
    expect(select({}, { gap: "stale" })).toEqual(["shop/hosting"]);
    expect(select({ selGap: "one-sided" })).toEqual(["crm/privacy"]);
  });

  it("applies the filters to every selection", () => {
    expect(select({ selTeam: 20 }, { kind: "crm" })).toEqual(["crm/privacy"]);
    expect(select({ selHotspots: "1" }, { function: "shared" })).toEqual(["website/privacy"]);
  });

  it("keeps covered cells behind a heatmap square, a concern or a cell", () => {
    expect(select({ selKind: "website", selConcern: "content" })).toEqual(["website/content"]);
    expect(select({ selConcern: "privacy" })).toEqual(["crm/privacy", "website/privacy"]);
    expect(select({ selCell: "website/privacy" })).toEqual(["website/privacy"]);
    expect(select({ selCell: "old-site/content" })).toEqual([]);
  });

  it("selects a team's cells by its members' A or R, and a person's by their A", () => {
    expect(select({ selTeam: 10 })).toEqual(["website/content", "website/privacy"]);
    // Growth only consults on shop/hosting: that is not holding it.
    expect(select({ selTeam: 11 })).toEqual([]);
    expect(select({ selTeam: 20 })).toEqual(["crm/privacy", "shop/hosting", "website/privacy"]);
    expect(select({ selPerson: "TOM@example.org" })).toEqual(["crm/privacy", "shop/hosting"]);
    expect(select({ selPerson: "maya@example.org", selGap: "stale" })).toEqual([]);
  });

  it("combines a gap type with a team, as a segment of the gaps-by-type chart does", () => {
    expect(select({ selGap: "stale", selTeam: 20 })).toEqual(["shop/hosting"]);
    expect(select({ selGap: "stale", selTeam: 10 })).toEqual([]);
  });

  it("selects collaboration hotspots, and those of one marketing x IT team pair through A, R or C", () => {
    expect(select({ selHotspots: "1" })).toEqual(["shop/hosting", "website/privacy"]);
    expect(select({ selPair: "11-20" })).toEqual(["shop/hosting"]);
    expect(select({ selPair: "10-20" })).toEqual(["website/privacy"]);
    expect(select({ selPair: "10-21" })).toEqual([]);
  });

  it("selects the cells handed off between two teams, in that direction", () => {
    const flows = [
      { fromTeamId: 20, toTeamId: 10, cells: ["crm/security", "website/content"] },
      { fromTeamId: 10, toTeamId: 20, cells: ["shop/hosting"] },
    ];
    expect(select({ selHandoff: "20-10" }, {}, flows)).toEqual(["crm/security", "website/content"]);
    expect(select({ selHandoff: "10-20" }, {}, flows)).toEqual(["shop/hosting"]);
    expect(select({ selHandoff: "21-10" }, {}, flows)).toEqual([]);
  });
});

const names: GapTableNames = {
  assets: new Map([
    ["crm", "Salesforce"],
    ["shop", "Shop"],
    ["website", "Corporate website"],
  ]),
  concerns: new Map([["privacy", "Privacy & compliance"]]),
  people: new Map([
    [1, { name: "Maya Fischer", active: true }],
    [2, { name: "Tom Becker", active: true }],
    [3, { name: "Grace Liu", active: false }],
    [4, { name: "Kofi Mensah", active: true }],
  ]),
};

describe("buildGapTable", () => {
  const inScope = cells.filter((entry) => entry.inScope);
  const keys = (sort: string, page = 1, pageSize = 25) =>
    buildGapTable(inScope, { sort: parseGapTableSort(sort), page, pageSize }, names).rows.map((row) => `${row.assetKey}/${row.concernKey}`);

  it("describes each cell: names, gaps, highest severity, holders A and R first, last confirmation of the A holders", () => {
    const table = buildGapTable([stale, oneSided, orphan, sharedCovered], {}, names);
    const [first, second, third, fourth] = table.rows;
    expect(first).toMatchObject({ assetKey: "crm", concernKey: "security", concernName: "security", highestSeverity: "critical", hasAccountable: false, lastConfirmed: null });
    expect(first!.gaps.map((gap) => gap.type)).toEqual(["no-accountable", "no-responsible"]);
    expect(second).toMatchObject({ assetKey: "crm", assetName: "Salesforce", concernKey: "privacy", concernName: "Privacy & compliance", criticality: "critical" });
    expect(second!.gaps.map((gap) => gap.type)).toEqual(["one-sided"]);
    expect(second!.highestSeverity).toBe("medium");
    expect(third!.holders).toEqual([
      { personId: 2, name: "Tom Becker", role: "A", active: true },
      { personId: 3, name: "Grace Liu", role: "C", active: false },
    ]);
    expect(third!.lastConfirmed).toEqual(daysBefore(40));
    expect(fourth).toMatchObject({ assetKey: "website", highestSeverity: null, score: 0, hasAccountable: true });
  });

  it("ranks by score, then asset and concern key, by default", () => {
    expect(keys("")).toEqual(["crm/security", "crm/privacy", "shop/hosting", "website/content", "website/privacy"]);
    expect(keys("-score")).toEqual(keys("nonsense"));
  });

  it("sorts by each column both ways, ties by the ranking", () => {
    expect(keys("asset")).toEqual(["crm/privacy", "crm/security", "shop/hosting", "website/content", "website/privacy"]);
    expect(keys("-asset")).toEqual(["website/privacy", "website/content", "shop/hosting", "crm/security", "crm/privacy"]);
    expect(keys("concern")).toEqual(["website/content", "shop/hosting", "crm/privacy", "website/privacy", "crm/security"]);
    expect(keys("-severity").slice(0, 3)).toEqual(["crm/security", "crm/privacy", "shop/hosting"]);
    expect(keys("severity").slice(0, 2)).toEqual(["website/content", "website/privacy"]);
    expect(keys("-criticality")[0]).toBe("crm/privacy");
    expect(keys("score")).toEqual(["website/content", "website/privacy", "shop/hosting", "crm/privacy", "crm/security"]);
  });

  it("sorts never-confirmed cells as the oldest", () => {
    const sorted = keys("lastConfirmed");
    expect(sorted.slice(0, 1)).toEqual(["crm/security"]);
    expect(sorted.indexOf("shop/hosting")).toBeLessThan(sorted.indexOf("website/content"));
    expect(keys("-lastConfirmed").at(-1)).toBe("crm/security");
  });

  it("pages on the server and clamps pages that do not exist", () => {
    expect(keys("", 2, 2)).toEqual(["shop/hosting", "website/content"]);
    const beyond = buildGapTable(inScope, { page: 99, pageSize: 2 }, names);
    expect(beyond).toMatchObject({ page: 3, pages: 3, total: 5 });
    expect(beyond.rows.map((row) => row.assetKey)).toEqual(["website"]);
    expect(buildGapTable(inScope, { page: -4, pageSize: 2 }, names).page).toBe(1);
    expect(buildGapTable([], { page: 3 }, names)).toMatchObject({ page: 1, pages: 1, total: 0, rows: [] });
  });
});

describe("the sort parameter", () => {
  it("reads a column with an optional minus and falls back to the ranking", () => {
    expect(parseGapTableSort("-lastConfirmed")).toEqual({ column: "lastConfirmed", descending: true });
    expect(parseGapTableSort(["asset", "score"])).toEqual({ column: "asset", descending: false });
    expect(parseGapTableSort("--score")).toEqual({ column: "score", descending: true });
    expect(parseGapTableSort(undefined)).toEqual({ column: "score", descending: true });
  });

  it("links a header to the other direction when it is current, else to its natural first direction", () => {
    const current = parseGapTableSort("-score");
    expect(nextGapTableSort(current, "score")).toEqual({ column: "score", descending: false });
    expect(nextGapTableSort(current, "asset")).toEqual({ column: "asset", descending: false });
    expect(nextGapTableSort(current, "severity")).toEqual({ column: "severity", descending: true });
  });
});
