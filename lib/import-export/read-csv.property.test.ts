import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toCsv } from "./export";
import { COLUMNS } from "./formats";
import { readCsv, type CsvContent } from "./read-csv";

const ASSET_COLUMNS: readonly string[] = COLUMNS.assets;
const encode = (text: string) => new TextEncoder().encode(text);
const LINE_BREAK = /\r\n|\r|\n/g;
const lineBreaks = (text: string) => text.match(LINE_BREAK)?.length ?? 0;

/** Text rich in what CSV and spreadsheets treat specially, mixed with any other character. */
const arbitraryText = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(",", '"', "\n", "\r", "\r\n", "'", "=", "+", "-", "@", " ", "\t", "\uFEFF") },
    { weight: 5, arbitrary: fc.constantFrom("a", "b", "Z", "0", "é", "ß", "😀", "中") },
    { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  ),
  maxLength: 12,
});

/** Values as the app stores them: trimmed, because every form and the import trim them. */
const arbitraryCell = arbitraryText.map((text) => text.trim());

/** A table in the columns of assets.csv, written in any order of the columns. */
const arbitraryTable = fc.record({
  columns: fc.shuffledSubarray([...ASSET_COLUMNS], { minLength: ASSET_COLUMNS.length }),
  rows: fc.array(fc.array(arbitraryCell, { minLength: ASSET_COLUMNS.length, maxLength: ASSET_COLUMNS.length }), { maxLength: 8 }),
});

/** What every answer of readCsv looks like, whatever it was given. */
function expectWellFormed(content: CsvContent) {
  for (const issue of content.issues) {
    expect(Object.keys(issue).sort()).toEqual(["column", "file", "line", "message"]);
    expect(issue.file).toBe("assets.csv");
    expect(issue.line === null || (Number.isInteger(issue.line) && issue.line >= 1)).toBe(true);
    // A header issue names the unknown column itself; the header may follow blank lines, so it is not always line 1.
    expect(issue.column === null || ASSET_COLUMNS.includes(issue.column) || issue.message.startsWith("unknown column")).toBe(true);
    expect(typeof issue.message === "string" && issue.message.length > 0).toBe(true);
  }
  for (const row of content.rows) expect(Object.keys(row.values).sort()).toEqual([...ASSET_COLUMNS].sort());
  const lines = content.rows.map((row) => row.line);
  expect(lines).toEqual([...lines].sort((a, b) => a - b));
  expect(lines.every((line) => line >= 2)).toBe(true);
  expect(content.rows.length).toBeLessThanOrEqual(content.rowCount);
  if (content.issues.length === 0) expect(content.rows.length).toBe(content.rowCount);
}

describe("readCsv, for any input", () => {
  it("reads back any table the export writes: same values, same columns, the line each row starts on", () => {
    fc.assert(
      fc.property(arbitraryTable, ({ columns, rows }) => {
        const content = readCsv("assets", encode(toCsv(columns, rows)));
        let line = 2;
        const expected = [];
        for (const row of rows) {
          if (row.some((cell) => cell !== "")) expected.push({ line, values: Object.fromEntries(columns.map((column, index) => [column, row[index]])) });
          line += 1 + row.reduce((count, cell) => count + lineBreaks(cell), 0);
        }
        expect(content.issues).toEqual([]);
        expect(content.rows).toEqual(expected);
        expect(content.rowCount).toBe(expected.length);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on arbitrary bytes: it answers rows or issues that name the file", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expectWellFormed(readCsv("assets", bytes));
      }),
      // The case a random run once found: a blank line, then a header of one NUL.
      { numRuns: 300, examples: [[new Uint8Array([10, 0])]] },
    );
  });

  it("never throws on a valid header followed by arbitrary text", () => {
    fc.assert(
      fc.property(fc.array(arbitraryText, { maxLength: 10 }), fc.constantFrom("\n", "\r\n"), (lines, newline) => {
        expectWellFormed(readCsv("assets", encode([ASSET_COLUMNS.join(","), ...lines].join(newline))));
      }),
      { numRuns: 300 },
    );
  });

  it("accepts up to the row limit and refuses one row more, with nothing read", () => {
    const row = "crm,CRM,crm,high,active,,HubSpot";
    fc.assert(
      fc.property(fc.nat({ max: 12 }), fc.nat({ max: 12 }), fc.nat({ max: 3 }), (count, maxDataRows, blankLines) => {
        const text = [ASSET_COLUMNS.join(","), ...Array<string>(count).fill(row), ...Array<string>(blankLines).fill(",,,,,,")].join("\n");
        const content = readCsv("assets", encode(text), { maxBytes: 1024 * 1024, maxDataRows });
        if (count <= maxDataRows) {
          expect(content.issues).toEqual([]);
          expect(content.rows).toHaveLength(count);
        } else {
          expect(content).toEqual({
            rows: [],
            rowCount: 0,
            issues: [{ file: "assets.csv", line: null, column: null, message: `has ${count} data rows; at most ${maxDataRows} per file are accepted` }],
          });
        }
      }),
      { numRuns: 200 },
    );
  });

  it("refuses any file over the size limit without reading it", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), (bytes) => {
        const content = readCsv("assets", bytes, { maxBytes: bytes.byteLength - 1, maxDataRows: 10 });
        expect(content.rows).toEqual([]);
        expect(content.issues).toEqual([{ file: "assets.csv", line: null, column: null, message: expect.stringMatching(/^is larger than .* MB, the limit per file$/) }]);
      }),
      { numRuns: 100 },
    );
  });
});
