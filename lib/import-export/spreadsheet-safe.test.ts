import { describe, expect, it } from "vitest";
import { toCsv } from "./export";
import { readCsv } from "./read-csv";
import { escapeForSpreadsheet, unescapeFromSpreadsheet } from "./spreadsheet-safe";

describe("spreadsheet-safe values", () => {
  it.each([
    ["=SUM(A1:A3)", "'=SUM(A1:A3)"],
    ["+31 20 123", "'+31 20 123"],
    ["-minus", "'-minus"],
    ["@handle", "'@handle"],
    ["'=already quoted", "''=already quoted"],
    ["plain", "plain"],
    ["it's fine", "it's fine"],
    ["'quoted", "'quoted"],
    ["2026-03-02T09:30:00.000Z", "2026-03-02T09:30:00.000Z"],
    ["", ""],
  ])("%s is exported as %s and imported back unchanged", (value, exported) => {
    expect(escapeForSpreadsheet(value)).toBe(exported);
    expect(unescapeFromSpreadsheet(exported)).toBe(value);
  });

  it("escapes formula-looking cells in the exported CSV, which imports back to the original values", () => {
    const csv = toCsv(["key", "name", "kind", "criticality", "lifecycle", "url", "vendor"], [
      ["evil", '=HYPERLINK("http://x.example","click")', "crm", "low", "active", "", "@vendor, inc"],
    ]);
    expect(csv).toBe(
      '\uFEFFkey,name,kind,criticality,lifecycle,url,vendor\nevil,"\'=HYPERLINK(""http://x.example"",""click"")",crm,low,active,,"\'@vendor, inc"\n',
    );
    const read = readCsv("assets", new TextEncoder().encode(csv));
    expect(read.rows[0]?.values).toMatchObject({ name: '=HYPERLINK("http://x.example","click")', vendor: "@vendor, inc" });
  });
});
