import { describe, expect, it } from "vitest";
import { canonicalReportQuery, parseReportView, viewQuery } from "./report-params";
import { reportQuery } from "./selection";

describe("parseReportView", () => {
  it("reads filters, drill-down, sort, page and trend length", () => {
    expect(parseReportView({ kind: "crm", selTeam: "4", sort: "asset", page: "3", weeks: "26" })).toEqual({
      filters: { kind: "crm" },
      selection: { selTeam: 4 },
      sort: "asset",
      page: 3,
      trendWeeks: 26,
    });
  });

  it("falls back to the defaults on hand-edited values", () => {
    expect(parseReportView({ team: "abc", criticality: "huge", sort: "-password", page: "-2", weeks: "13", selPair: "x", asOf: "2026-13-45" })).toEqual({
      filters: {},
      selection: {},
      sort: undefined,
      page: 1,
      trendWeeks: 12,
    });
  });
});

describe("canonicalReportQuery", () => {
  it("is null for a clean query, whatever its order", () => {
    expect(canonicalReportQuery({})).toBeNull();
    expect(canonicalReportQuery({ weeks: "26", kind: "crm", selGap: "stale", page: "2" })).toBeNull();
  });

  it("drops the filter form's empty fields, defaults and unreadable values", () => {
    expect(canonicalReportQuery({ team: "", function: "", kind: "crm", concern: "", gap: "stale", asOf: "" })).toBe("kind=crm&gap=stale");
    expect(canonicalReportQuery({ sort: "-score", weeks: "12", page: "1" })).toBe("");
    expect(canonicalReportQuery({ team: "abc", kind: ["website", "crm"] })).toBe("kind=website");
  });

  it("is stable: the canonical query is its own canonical form", () => {
    const once = canonicalReportQuery({ kind: "crm", sort: "asset", selTeam: "2", weeks: "52", extra: "1" })!;
    expect(once).toBe("kind=crm&selTeam=2&sort=asset&weeks=52");
    expect(canonicalReportQuery(Object.fromEntries(new URLSearchParams(once)))).toBeNull();
  });
});

describe("viewQuery", () => {
  it("leaves the default trend length out of links", () => {
    const view = parseReportView({ kind: "crm", page: "2" });
    expect(reportQuery(viewQuery(view))).toBe("kind=crm&page=2");
    expect(reportQuery(viewQuery(view, { page: undefined, trendWeeks: 52 }))).toBe("kind=crm&weeks=52");
  });
});
