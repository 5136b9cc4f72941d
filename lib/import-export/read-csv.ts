import { CsvError, parse } from "csv-parse/sync";
import { COLUMNS, fileNameOf, MAX_DATA_ROWS, MAX_FILE_BYTES, type ImportFile, type ImportIssue } from "./formats";
import { unescapeFromSpreadsheet } from "./spreadsheet-safe";

/** A data row: the physical line it starts on (header = 1) and its values by column, trimmed. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

export interface CsvContent {
  rows: CsvRow[];
  /** Data rows in the file, including those with the wrong number of values; blank lines do not count. */
  rowCount: number;
  issues: ImportIssue[];
}

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Turns one uploaded file into rows keyed by column, or into issues that say what is wrong with the
 * file as a whole: too large, not UTF-8, malformed CSV, a bad header, too many rows. Never throws.
 */
export function readCsv(file: ImportFile, bytes: Uint8Array): CsvContent {
  const fileName = fileNameOf(file);
  const fail = (message: string, line: number | null = null, column: string | null = null): CsvContent => ({
    rows: [],
    rowCount: 0,
    issues: [{ file: fileName, line, column, message }],
  });

  if (bytes.byteLength > MAX_FILE_BYTES) {
    return fail(`is larger than ${formatMegabytes(MAX_FILE_BYTES)}, the limit per file`);
  }
  const text = decodeUtf8(bytes);
  if (text === null) {
    return fail(
      'is not valid UTF-8 text: save it as "CSV UTF-8" from your spreadsheet',
      firstInvalidLine(bytes),
    );
  }
  if (text.trim() === "") return fail(`is empty: it needs a header row (${COLUMNS[file].join(",")})`, 1);

  let records: { record: string[]; endLine: number }[];
  const endLines: number[] = [];
  try {
    const parsed: string[][] = parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record, context) => {
        endLines.push(context.lines);
        return record;
      },
    });
    records = parsed.map((record, index) => ({ record, endLine: endLines[index] ?? 0 }));
  } catch (error) {
    if (!(error instanceof CsvError)) return fail("could not be read as CSV");
    if (error.code === "CSV_QUOTE_NOT_CLOSED") {
      return fail("a quoted value starts here and is never closed (a missing \")", (endLines.at(-1) ?? 0) + 1);
    }
    const line = typeof error.lines === "number" ? error.lines : null;
    return fail(CSV_ERROR_MESSAGES[error.code] ?? `is not valid CSV here: ${error.message.replace(/^[^:]*: /, "")}`, line);
  }

  const [header, ...data] = records;
  if (!header) return fail(`is empty: it needs a header row (${COLUMNS[file].join(",")})`, 1);
  const names = header.record.map((name) => name.trim().toLowerCase());
  const headerIssues = checkHeader(file, names);
  if (headerIssues.length) return { rows: [], rowCount: 0, issues: headerIssues };

  const nonEmpty = data.filter((entry) => entry.record.some((value) => value.trim() !== ""));
  if (nonEmpty.length > MAX_DATA_ROWS) {
    return fail(`has ${nonEmpty.length.toLocaleString("en")} data rows; at most ${MAX_DATA_ROWS.toLocaleString("en")} per file are accepted`);
  }

  const rows: CsvRow[] = [];
  const issues: ImportIssue[] = [];
  for (const { record, endLine } of nonEmpty) {
    const line = endLine - record.reduce((count, value) => count + (value.match(LINE_BREAK)?.length ?? 0), 0);
    if (record.length !== names.length) {
      issues.push({
        file: fileName,
        line,
        column: null,
        message: `has ${record.length} values but the header has ${names.length} columns`,
      });
      continue;
    }
    const values: Record<string, string> = {};
    names.forEach((name, index) => {
      values[name] = unescapeFromSpreadsheet((record[index] ?? "").trim());
    });
    rows.push({ line, values });
  }
  return { rows, rowCount: nonEmpty.length, issues };
}

const CSV_ERROR_MESSAGES: Partial<Record<string, string>> = {
  INVALID_OPENING_QUOTE: 'a value has a quote in it but does not start with one: quote the whole value and double the inner quote ("")',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted value has characters after its closing quote: double a quote inside a quoted value ("")',
};

function checkHeader(file: ImportFile, names: string[]): ImportIssue[] {
  const expected: readonly string[] = COLUMNS[file];
  const issue = (column: string | null, message: string): ImportIssue => ({ file: fileNameOf(file), line: 1, column, message });
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    if (name === "") issues.push(issue(null, "the header has an empty column name"));
    else if (!expected.includes(name)) issues.push(issue(name, `unknown column; the columns are ${expected.join(", ")}`));
    else if (seen.has(name)) issues.push(issue(name, "this column appears more than once"));
    seen.add(name);
  }
  for (const name of expected) {
    if (!seen.has(name)) issues.push(issue(name, `missing column; the columns are ${expected.join(", ")}`));
  }
  return issues;
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    // A leading byte order mark is dropped by the decoder (spreadsheets write one).
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Where the first undecodable byte is, so the user can find it; the lenient decoder marks it with U+FFFD. */
function firstInvalidLine(bytes: Uint8Array): number {
  const lenient = new TextDecoder("utf-8").decode(bytes);
  const index = lenient.indexOf("\uFFFD");
  return (lenient.slice(0, Math.max(index, 0)).match(LINE_BREAK)?.length ?? 0) + 1;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}
