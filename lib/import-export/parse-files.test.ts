import { describe, expect, it } from "vitest";
import { COLUMNS, formatIssue, IMPORT_FILES, type ImportFile } from "./formats";
import { issuesOf, parseImportFiles } from "./parse-files";

const fileOf = (file: ImportFile, ...rows: string[]) => ({
  name: `${file}.csv`,
  bytes: new TextEncoder().encode([COLUMNS[file].join(","), ...rows].join("\n")),
});

/** The issue messages of a single-row file, as `column: message`. */
function problemsOf(file: ImportFile, row: string): string[] {
  return issuesOf(parseImportFiles({ [file]: fileOf(file, row) })).map((issue) => `${issue.column}: ${issue.message}`);
}

describe("people.csv", () => {
  it("reads a valid row, lower-casing the email and accepting enumerations in any case", () => {
    const parsed = parseImportFiles({ people: fileOf("people", "Ana.Lima@Example.ORG,Ana Lima,Web Platform,IT,Manager,TRUE", "bo@x.org,Bo,,,none,false") });
    expect(issuesOf(parsed)).toEqual([]);
    expect(parsed.people?.rows).toEqual([
      { line: 2, row: { email: "ana.lima@example.org", name: "Ana Lima", team: "Web Platform", function: "it", role: "manager", active: true } },
      { line: 3, row: { email: "bo@x.org", name: "Bo", team: null, function: null, role: "none", active: false } },
    ]);
  });

  it.each([
    ["not-an-email,A,,,none,true", "email: must be an email address"],
    [",A,,,none,true", "email: is required"],
    ["a@x.org,,,,none,true", "name: is required"],
    [`a@x.org,${"n".repeat(201)},,,none,true`, "name: is longer than 200 characters"],
    ["a@x.org,A,Team,,none,true", "function: is required when team is set: one of marketing, it, other"],
    ["a@x.org,A,,it,none,true", "function: must be empty when team is empty"],
    ["a@x.org,A,Team,sales,none,true", "function: must be one of marketing, it, other"],
    ["a@x.org,A,,,owner,true", "role: must be one of admin, manager, viewer, none"],
    ["a@x.org,A,,,none,yes", "active: must be one of true, false"],
    ["a@x.org,A,,,none,", "active: must be one of true, false"],
  ])("%s -> %s", (row, expected) => {
    expect(problemsOf("people", row)).toEqual([expected]);
  });

  it("refuses the same email twice, whatever its case", () => {
    const parsed = parseImportFiles({ people: fileOf("people", "a@x.org,A,,,none,true", "b@x.org,B,,,none,true", "A@X.org,A2,,,none,true") });
    expect(issuesOf(parsed).map(formatIssue)).toEqual(["people.csv line 4, column email: repeats line 2"]);
  });

  it("refuses a team given two functions", () => {
    const parsed = parseImportFiles({ people: fileOf("people", "a@x.org,A,Web,it,none,true", "b@x.org,B,Web,marketing,none,true") });
    expect(issuesOf(parsed).map(formatIssue)).toEqual([
      "people.csv line 3, column function: team Web is it on line 2; a team has one function",
    ]);
  });
});

describe("assets.csv", () => {
  it("reads a valid row, with empty url and vendor as null", () => {
    const parsed = parseImportFiles({ assets: fileOf("assets", "hubspot-crm,HubSpot CRM,crm,HIGH,Active,,") });
    expect(parsed.assets?.rows[0]?.row).toEqual({
      key: "hubspot-crm", name: "HubSpot CRM", kind: "crm", criticality: "high", lifecycle: "active", url: null, vendor: null,
    });
  });

  it.each([
    ["Bad_Key,A,crm,low,active,,", "key: must be a slug: lower-case letters, digits and hyphens, starting with a letter or digit"],
    ["'-key,A,crm,low,active,,", "key: must be a slug: lower-case letters, digits and hyphens, starting with a letter or digit"],
    [",A,crm,low,active,,", "key: is required"],
    [`${"k".repeat(64)},A,crm,low,active,,`, "key: is longer than 63 characters"],
    ["a,,crm,low,active,,", "name: is required"],
    ["a,A,,low,active,,", "kind: is required"],
    ["a,A,crm,urgent,active,,", "criticality: must be one of low, medium, high, critical"],
    ["a,A,crm,low,paused,,", "lifecycle: must be one of planned, active, retired"],
    ["a,A,crm,low,active,ftp://x.example,", "url: must be a web address starting with http:// or https://"],
    ["a,A,crm,low,active,www.example.com,", "url: must be a web address starting with http:// or https://"],
    [`a,A,crm,low,active,,${"v".repeat(201)}`, "vendor: is longer than 200 characters"],
  ])("%s -> %s", (row, expected) => {
    expect(problemsOf("assets", row)).toEqual([expected]);
  });

  it("reports every bad column of a row, and the example message of the design", () => {
    const parsed = parseImportFiles({
      assets: fileOf("assets", "a,A,crm,low,active,,", "b,B,crm,low,active,,", "c,C,crm,low,active,,", "d,D,crm,low,active,,", "e,E,crm,low,active,,", "f,,crm,very,gone,,"),
    });
    expect(issuesOf(parsed).map(formatIssue)).toEqual([
      "assets.csv line 7, column name: is required",
      "assets.csv line 7, column criticality: must be one of low, medium, high, critical",
      "assets.csv line 7, column lifecycle: must be one of planned, active, retired",
    ]);
    expect(parsed.assets?.rowCount).toBe(6);
    expect(parsed.assets?.rows).toHaveLength(5);
  });

  it("refuses the same key twice", () => {
    const parsed = parseImportFiles({ assets: fileOf("assets", "a,A,crm,low,active,,", "a,A again,crm,low,active,,") });
    expect(issuesOf(parsed).map(formatIssue)).toEqual(["assets.csv line 3, column key: repeats line 2"]);
  });

  it("refuses a formula, and keeps one written with a quote before it as literal text", () => {
    const formula = parseImportFiles({ assets: fileOf("assets", 'a,"=cmd|\' /C calc\'!A0",crm,low,active,,') });
    expect(issuesOf(formula).map(formatIssue)).toEqual([
      "assets.csv line 2, column name: starts with =, so a spreadsheet would run it as a formula: to import it as text, put a single quote before it ('=...)",
    ]);
    expect(formula.assets?.rows).toEqual([]);
    const quoted = parseImportFiles({ assets: fileOf("assets", '"a","\'=cmd|\' /C calc\'!A0",crm,low,active,,\'@vendor') });
    expect(issuesOf(quoted)).toEqual([]);
    expect(quoted.assets?.rows[0]?.row).toMatchObject({ name: "=cmd|' /C calc'!A0", vendor: "@vendor" });
  });
});

describe("assignments.csv", () => {
  it("reads dates, timestamps with a zone, and an empty confirmation", () => {
    const parsed = parseImportFiles({
      assignments: fileOf(
        "assignments",
        "crm,content,A@X.org,a,2026-03-02",
        "crm,content,b@x.org,R,2026-03-02T09:30:00.123+01:00",
        "crm,content,c@x.org,C,",
      ),
    });
    expect(issuesOf(parsed)).toEqual([]);
    expect(parsed.assignments?.rows.map(({ row }) => [row.person_email, row.role, row.confirmed_at])).toEqual([
      ["a@x.org", "A", { date: "2026-03-02" }],
      ["b@x.org", "R", { at: new Date("2026-03-02T08:30:00.123Z") }],
      ["c@x.org", "C", null],
    ]);
  });

  it.each([
    [",content,a@x.org,A,", "asset_key: is required"],
    ["crm,,a@x.org,A,", "concern_key: is required"],
    ["crm,content,a-at-x.org,A,", "person_email: must be an email address"],
    ["crm,content,a@x.org,X,", "role: must be one of R, A, C, I"],
    ["crm,content,a@x.org,A,02/03/2026", "confirmed_at: must be a date (YYYY-MM-DD) or an ISO timestamp with a time zone (2026-03-02T09:30:00Z)"],
    ["crm,content,a@x.org,A,2026-02-30", "confirmed_at: must be a date (YYYY-MM-DD) or an ISO timestamp with a time zone (2026-03-02T09:30:00Z)"],
    ["crm,content,a@x.org,A,2026-03-02T09:30:00", "confirmed_at: must be a date (YYYY-MM-DD) or an ISO timestamp with a time zone (2026-03-02T09:30:00Z)"],
  ])("%s -> %s", (row, expected) => {
    expect(problemsOf("assignments", row)).toEqual([expected]);
  });

  it("refuses the same person and role twice in a cell, but not two roles", () => {
    const parsed = parseImportFiles({
      assignments: fileOf("assignments", "crm,content,a@x.org,A,", "crm,content,a@x.org,R,", "crm,content,A@x.org,A,2026-01-01"),
    });
    expect(issuesOf(parsed).map(formatIssue)).toEqual(["assignments.csv line 4, column person_email: repeats line 2"]);
  });
});

describe("every column", () => {
  const VALID: { [File in ImportFile]: Record<(typeof COLUMNS)[File][number], string> } = {
    people: { email: "a@x.org", name: "A", team: "Web", function: "it", role: "none", active: "true" },
    assets: { key: "a", name: "A", kind: "crm", criticality: "low", lifecycle: "active", url: "", vendor: "" },
    assignments: { asset_key: "crm", concern_key: "content", person_email: "a@x.org", role: "A", confirmed_at: "" },
  };
  const cases = IMPORT_FILES.flatMap((file) => COLUMNS[file].map((column) => [file, column] as const));

  it.each(cases)("of %s.csv refuses a 10,000-character %s", (file, column) => {
    const values: Record<string, string> = VALID[file];
    expect(problemsOf(file, COLUMNS[file].map((name) => values[name]).join(","))).toEqual([]);
    const row = COLUMNS[file].map((name) => (name === column ? "x".repeat(10_000) : values[name])).join(",");
    expect(problemsOf(file, row)).toEqual([expect.stringMatching(new RegExp(`^${column}: (is longer than|must be )`))]);
  });
});

it("parses only the files given, keeping the uploaded names", () => {
  const parsed = parseImportFiles({ assets: { ...fileOf("assets"), name: "Assets (2).csv" } });
  expect(parsed.people).toBeUndefined();
  expect(parsed.assets).toMatchObject({ uploadedName: "Assets (2).csv", rowCount: 0, rows: [], issues: [] });
});
