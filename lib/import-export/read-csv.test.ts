import { describe, expect, it } from "vitest";
import { MAX_DATA_ROWS, MAX_FILE_BYTES } from "./formats";
import { readCsv } from "./read-csv";

const bytes = (text: string) => new TextEncoder().encode(text);
const ASSETS_HEADER = "key,name,kind,criticality,lifecycle,url,vendor";

describe("readCsv", () => {
  it("reads rows by column name, with the line each starts on (the header is line 1)", () => {
    const result = readCsv("assets", bytes(`${ASSETS_HEADER}\ncrm,CRM,crm,high,active,,HubSpot\n\nweb,Web,website,low,active,https://x.example,\n`));
    expect(result.issues).toEqual([]);
    expect(result.rowCount).toBe(2);
    expect(result.rows).toEqual([
      { line: 2, values: { key: "crm", name: "CRM", kind: "crm", criticality: "high", lifecycle: "active", url: "", vendor: "HubSpot" } },
      { line: 4, values: { key: "web", name: "Web", kind: "website", criticality: "low", lifecycle: "active", url: "https://x.example", vendor: "" } },
    ]);
  });

  it("accepts a byte order mark, CRLF line ends, columns in any order and header names in any case", () => {
    const result = readCsv("assignments", bytes("\uFEFFPerson_Email,asset_key,concern_key,ROLE,confirmed_at\r\na@x.org,crm,content,A,\r\n"));
    expect(result.issues).toEqual([]);
    expect(result.rows[0]).toEqual({
      line: 2,
      values: { person_email: "a@x.org", asset_key: "crm", concern_key: "content", role: "A", confirmed_at: "" },
    });
  });

  it("reads quoted values with commas, doubled quotes and line breaks, and counts lines physically", () => {
    const text = `${ASSETS_HEADER}\n"a","Say ""hi"", world",crm,low,active,,\nb,"two\nlines",crm,low,active,,\nc,C,crm,low,active,,\n`;
    const result = readCsv("assets", bytes(text));
    expect(result.issues).toEqual([]);
    expect(result.rows.map((row) => [row.line, row.values.name])).toEqual([
      [2, 'Say "hi", world'],
      [3, "two\nlines"],
      [5, "C"],
    ]);
  });

  it("counts a line break inside a quoted value once, whatever its kind, so later rows keep their lines", () => {
    for (const newline of ["\n", "\r\n"]) {
      const text = [ASSETS_HEADER, 'a,"one\r\ntwo\r\nthree",crm,low,active,,', "", 'b,"x\ry\nz",crm,low,active,,', "c,C,crm,low,active,,", 'd,"open,crm'].join(newline);
      const result = readCsv("assets", bytes(text));
      expect(result.issues).toEqual([{ file: "assets.csv", line: 10, column: null, message: 'a quoted value starts here and is never closed (a missing ")' }]);
      const valid = readCsv("assets", bytes(text.slice(0, text.lastIndexOf("d,"))));
      expect(valid.rows.map((row) => [row.line, row.values.key])).toEqual([[2, "a"], [6, "b"], [9, "c"]]);
    }
  });

  it("finds the header after blank lines and names its line", () => {
    const result = readCsv("people", bytes("\n\nemail,name,team,function,role\n"));
    expect(result.issues).toEqual([{ file: "people.csv", line: 3, column: "active", message: expect.stringMatching(/^missing column/) }]);
    expect(readCsv("assets", bytes(`\n${ASSETS_HEADER}\na,A,crm,low,active,,\n`)).rows).toEqual([
      { line: 3, values: expect.objectContaining({ key: "a" }) },
    ]);
  });

  it("trims values and skips rows that are entirely empty, as spreadsheets write them", () => {
    const result = readCsv("assets", bytes(`${ASSETS_HEADER}\n  a , A ,crm,low,active,,\n,,,,,,\n`));
    expect(result.rowCount).toBe(1);
    expect(result.rows[0]?.values).toMatchObject({ key: "a", name: "A" });
  });

  it("reads a formula-looking value as text when a quote comes before it, as the export writes it", () => {
    const result = readCsv("assets", bytes(`${ASSETS_HEADER}\na,"'=HYPERLINK(""x"")",crm,low,active,,'+1 vendor\nb,'@risk,crm,low,active,,'-5\n`));
    expect(result.issues).toEqual([]);
    expect(result.rows.map((row) => [row.values.name, row.values.vendor])).toEqual([
      ['=HYPERLINK("x")', "+1 vendor"],
      ["@risk", "-5"],
    ]);
  });

  it("refuses a formula in a cell, naming its line and column, and reads the other rows", () => {
    const text = `${ASSETS_HEADER}\na,"=HYPERLINK(""http://x.example"")",crm,low,active,,\nb,B,crm,low,active,, @vendor\nc,C,crm,low,active,,-\nd,D,crm,low,active,,+1\ne,E,crm,low,active,,ok\n`;
    const result = readCsv("assets", bytes(text));
    const formula = (first: string) =>
      `starts with ${first}, so a spreadsheet would run it as a formula: to import it as text, put a single quote before it ('${first}...)`;
    expect(result.issues).toEqual([
      { file: "assets.csv", line: 2, column: "name", message: formula("=") },
      { file: "assets.csv", line: 3, column: "vendor", message: formula("@") },
      { file: "assets.csv", line: 4, column: "vendor", message: formula("-") },
      { file: "assets.csv", line: 5, column: "vendor", message: formula("+") },
    ]);
    expect(result.rows.map((row) => row.values.key)).toEqual(["e"]);
    expect(result.rowCount).toBe(5);
  });

  describe("refuses a bad header", () => {
    it.each([
      ["an unknown column", "email,name,team,function,role,active,age", [{ column: "age", message: expect.stringMatching(/^unknown column; the columns are email, name/) }]],
      ["a missing column", "email,name,team,function,role", [{ column: "active", message: expect.stringMatching(/^missing column/) }]],
      ["a duplicated column", "email,name,team,function,role,active,name", [{ column: "name", message: "this column appears more than once" }]],
      ["an empty column name", "email,name,team,function,role,active,", [{ column: null, message: "the header has an empty column name" }]],
    ])("%s", (_label, header, expected) => {
      const result = readCsv("people", bytes(`${header}\na@x.org,A,,,none,true\n`));
      expect(result.rows).toEqual([]);
      expect(result.issues).toEqual(expected.map((issue) => ({ file: "people.csv", line: 1, ...issue })));
    });
  });

  it("says an empty file needs a header", () => {
    expect(readCsv("people", bytes("\uFEFF \n")).issues).toEqual([
      { file: "people.csv", line: 1, column: null, message: "is empty: it needs a header row (email,name,team,function,role,active)" },
    ]);
  });

  it("names the line of a row with too many or too few values, and reads the others", () => {
    const result = readCsv("assets", bytes(`${ASSETS_HEADER}\na,A,crm,low,active,,,extra\nb,B,crm\nc,C,crm,low,active,,\n`));
    expect(result.issues).toEqual([
      { file: "assets.csv", line: 2, column: null, message: "has 8 values but the header has 7 columns" },
      { file: "assets.csv", line: 3, column: null, message: "has 3 values but the header has 7 columns" },
    ]);
    expect(result.rows.map((row) => row.values.key)).toEqual(["c"]);
    expect(result.rowCount).toBe(3);
  });

  it("gives a clear error, never a crash, for an unclosed quote", () => {
    const result = readCsv("assets", bytes(`${ASSETS_HEADER}\na,A,crm,low,active,,\nb,"B,crm,low,active,,\nc,C,crm,low,active,,\n`));
    expect(result.rows).toEqual([]);
    expect(result.issues).toEqual([
      { file: "assets.csv", line: 3, column: null, message: 'a quoted value starts here and is never closed (a missing ")' },
    ]);
  });

  it("gives a clear error for a stray quote", () => {
    const result = readCsv("assets", bytes(`${ASSETS_HEADER}\na,A "the" B,crm,low,active,,\n`));
    expect(result.issues).toEqual([{ file: "assets.csv", line: 2, column: null, message: expect.stringContaining("quote the whole value") }]);
    const closing = readCsv("assets", bytes(`${ASSETS_HEADER}\na,"A"B,crm,low,active,,\n`));
    expect(closing.issues).toEqual([{ file: "assets.csv", line: 2, column: null, message: expect.stringContaining("after its closing quote") }]);
  });

  it("refuses invalid UTF-8 and names the line of the first bad byte", () => {
    const good = bytes(`${ASSETS_HEADER}\na,A,crm,low,active,,\n`);
    const latin1 = new Uint8Array([...good, ...bytes("b,Caf"), 0xe9, ...bytes(",crm,low,active,,\n")]);
    expect(readCsv("assets", latin1)).toEqual({
      rows: [],
      rowCount: 0,
      issues: [{ file: "assets.csv", line: 3, column: null, message: 'is not valid UTF-8 text: save it as "CSV UTF-8" from your spreadsheet' }],
    });
  });

  it("refuses a file over the size limit before parsing it", () => {
    const result = readCsv("assets", new Uint8Array(MAX_FILE_BYTES + 1));
    expect(result.issues).toEqual([{ file: "assets.csv", line: null, column: null, message: "is larger than 5 MB, the limit per file" }]);
  });

  it("refuses more data rows than the limit, and accepts exactly the limit", () => {
    const rows = (count: number) => `${ASSETS_HEADER}\n${"a,A,crm,low,active,,\n".repeat(count)}`;
    expect(readCsv("assets", bytes(rows(MAX_DATA_ROWS))).rowCount).toBe(MAX_DATA_ROWS);
    expect(readCsv("assets", bytes(rows(MAX_DATA_ROWS + 1))).issues).toEqual([
      { file: "assets.csv", line: null, column: null, message: "has 50,001 data rows; at most 50,000 per file are accepted" },
    ]);
  });
});
