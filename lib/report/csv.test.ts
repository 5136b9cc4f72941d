import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { escapeSpreadsheetValue, REPORT_CSV_COLUMNS, reportToCsv } from "./csv";

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
  it("writes a header and one row per gap, quoting commas and escaping formulas", () => {
    const csv = reportToCsv(
      {
        gaps: [
          { assetKey: "crm", concernKey: "data-quality", type: "one-sided", severity: "medium", score: 6 },
          { assetKey: "crm", concernKey: "data-quality", type: "flagged", severity: "high", score: 6 },
        ],
      },
      { assets: new Map([["crm", "=CRM, the big one"]]), concerns: new Map([["data-quality", "Data quality & retention"]]) },
    );
    const rows = parse(csv) as string[][];
    expect(rows[0]).toEqual([...REPORT_CSV_COLUMNS]);
    expect(rows.slice(1)).toEqual([
      ["crm", "'=CRM, the big one", "data-quality", "Data quality & retention", "one-sided", "medium", "6"],
      ["crm", "'=CRM, the big one", "data-quality", "Data quality & retention", "flagged", "high", "6"],
    ]);
  });
});
