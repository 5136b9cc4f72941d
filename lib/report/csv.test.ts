import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { GapRow } from "./build-report";
import { escapeSpreadsheetValue, REPORT_CSV_COLUMNS, reportToCsv } from "./csv";
import type { GapTableRow } from "./gap-table";

describe("escapeSpreadsheetValue", () => {
  it("neutralises values a spreadsheet would run as a formula", () => {
    for (const value of ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]) {
      expect(escapeSpreadsheetValue(value)).toBe(`'${value}`);
    }
  });

  it("leaves ordinary text alone", () => {
    expect(escapeSpreadsheetValue("HubSpot CRM")).toBe("HubSpot CRM");
    expect(escapeSpreadsheetValue("a=b")).toBe("a=b");
  });
});

describe("reportToCsv", () => {
  const crm: GapTableRow = {
    assetKey: "crm",
    assetName: "=CRM, the big one",
    concernKey: "data-quality",
    concernName: "Data quality & retention",
    gaps: [
      { type: "one-sided", severity: "medium" },
      { type: "flagged", severity: "high" },
    ],
    highestSeverity: "high",
    criticality: "medium",
    score: 10,
    holders: [
      { personId: 1, name: "Maya Fischer", role: "A", active: true },
      { personId: 2, name: "@Grace", role: "C", active: false },
    ],
    hasAccountable: true,
    lastConfirmed: new Date("2026-02-20T09:30:00.000Z"),
  };
  const site: GapTableRow = {
    ...crm,
    assetKey: "site",
    assetName: "Website",
    concernKey: "content",
    concernName: "Content",
    gaps: [{ type: "no-accountable", severity: "critical" }],
    highestSeverity: "critical",
    criticality: "low",
    score: 5,
    holders: [],
    hasAccountable: false,
    lastConfirmed: null,
  };
  const gaps: GapRow[] = [
    { assetKey: "crm", concernKey: "data-quality", type: "one-sided", severity: "medium", score: 10 },
    { assetKey: "crm", concernKey: "data-quality", type: "flagged", severity: "high", score: 10 },
    { assetKey: "site", concernKey: "content", type: "no-accountable", severity: "critical", score: 5 },
  ];

  it("writes a header and one row per gap with the cell's details, quoting commas and escaping formulas", () => {
    const rows = parse(reportToCsv(gaps, [site, crm])) as string[][];
    expect(rows[0]).toEqual([...REPORT_CSV_COLUMNS]);
    expect(rows.slice(1)).toEqual([
      ["crm", "'=CRM, the big one", "data-quality", "Data quality & retention", "one-sided", "medium", "10", "medium", "Maya Fischer (A); @Grace (C, inactive)", "2026-02-20T09:30:00.000Z"],
      ["crm", "'=CRM, the big one", "data-quality", "Data quality & retention", "flagged", "high", "10", "medium", "Maya Fischer (A); @Grace (C, inactive)", "2026-02-20T09:30:00.000Z"],
      ["site", "Website", "content", "Content", "no-accountable", "critical", "5", "low", "", ""],
    ]);
  });

  it("writes only the gaps of the given cells, and of the given gap type", () => {
    const keys = (csv: string) => (parse(csv, { columns: true }) as { asset_key: string; gap_type: string }[]).map((row) => `${row.asset_key}/${row.gap_type}`);
    expect(keys(reportToCsv(gaps, [site]))).toEqual(["site/no-accountable"]);
    expect(keys(reportToCsv(gaps, [site, crm], "flagged"))).toEqual(["crm/flagged"]);
    expect(reportToCsv(gaps, [])).toBe(`${REPORT_CSV_COLUMNS.join(",")}\n`);
  });
});
