import { CsvError, parse } from "csv-parse/sync";
import { COLUMNS, fileNameOf, MAX_DATA_ROWS, MAX_FILE_BYTES, type ImportFile, type ImportIssue } from "./formats";
import { isFormula, unescapeFromSpreadsheet } from "./spreadsheet-safe";

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

export interface CsvLimits {
  maxBytes: number;
  maxDataRows: number;
}

const IMPORT_LIMITS: CsvLimits = { maxBytes: MAX_FILE_BYTES, maxDataRows: MAX_DATA_ROWS };

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Turns one uploaded file into rows keyed by column, or into issues that say what is wrong with the
 * file as a whole: too large, not UTF-8, malformed CSV, a bad header, too many rows. A row with a
 * formula in a cell is left out with an issue naming its line and column. Never throws.
 */
export function readCsv(file: ImportFile, bytes: Uint8Array, limits: CsvLimits = IMPORT_LIMITS): CsvContent {
  const fileName = fileNameOf(file);
  const fail = (message: string, line: number | null = null, column: string | null = null): CsvContent => ({
    rows: [],
    rowCount: 0,
    issues: [{ file: fileName, line, column, message }],
  });

  if (bytes.byteLength > limits.maxBytes) {
    return fail(`is larger than ${formatMegabytes(limits.maxBytes)}, the limit per file`);
  }
  const text = decodeUtf8(bytes);
  if (text === null) {
    return fail(
      'is not valid UTF-8 text: save it as "CSV UTF-8" from your spreadsheet',
      firstInvalidLine(bytes),
    );
  }
  if (text.trim() === "") return fail(`is empty: it needs a header row (${COLUMNS[file].join(",")})`, 1);

  // Lines are counted from each record's raw text: csv-parse's own counter takes a line break inside a
  // quoted value, \r\n, for two lines, which would point every later row to the wrong line.
  const records: { record: string[]; line: number }[] = [];
  let nextLine = 1;
  let previousEndedWithCr = false;
  try {
    parse(text, {
      relax_column_count: true,
      raw: true,
      on_record: (parsed) => {
        // With `raw`, each record comes with its source text; csv-parse's types do not say so.
        const { raw, record } = parsed as unknown as { raw: string; record: string[] };
        records.push({ record, line: nextLine });
        nextLine += countLineBreaks(raw) - (previousEndedWithCr && raw.startsWith("\n") ? 1 : 0);
        previousEndedWithCr = raw.endsWith("\r");
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) return fail("could not be read as CSV");
    if (error.code === "CSV_QUOTE_NOT_CLOSED") return fail("a quoted value starts here and is never closed (a missing \")", nextLine);
    return fail(CSV_ERROR_MESSAGES[error.code] ?? `is not valid CSV here: ${error.message.replace(/^[^:]*: /, "")}`, nextLine);
  }

  const isBlank = (entry: { record: string[] }) => entry.record.every((value) => value.trim() === "");
  const headerIndex = records.findIndex((entry) => !isBlank(entry));
  const header = records[headerIndex];
  if (!header) return fail(`is empty: it needs a header row (${COLUMNS[file].join(",")})`, 1);
  const names = header.record.map((name) => name.trim().toLowerCase());
  const headerIssues = checkHeader(file, names, header.line);
  if (headerIssues.length) return { rows: [], rowCount: 0, issues: headerIssues };

  const nonEmpty = records.slice(headerIndex + 1).filter((entry) => !isBlank(entry));
  if (nonEmpty.length > limits.maxDataRows) {
    return fail(`has ${nonEmpty.length.toLocaleString("en")} data rows; at most ${limits.maxDataRows.toLocaleString("en")} per file are accepted`);
  }

  const rows: CsvRow[] = [];
  const issues: ImportIssue[] = [];
  for (const { record, line } of nonEmpty) {
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
    const formulas: ImportIssue[] = [];
    names.forEach((name, index) => {
      const value = (record[index] ?? "").trim();
      if (isFormula(value)) formulas.push({ file: fileName, line, column: name, message: formulaMessage(value) });
      values[name] = unescapeFromSpreadsheet(value);
    });
    if (formulas.length) issues.push(...formulas);
    else rows.push({ line, values });
  }
  return { rows, rowCount: nonEmpty.length, issues };
}

const CSV_ERROR_MESSAGES: Partial<Record<string, string>> = {
  INVALID_OPENING_QUOTE: 'a value has a quote in it but does not start with one: quote the whole value and double the inner quote ("")',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted value has characters after its closing quote: double a quote inside a quoted value ("")',
};

function formulaMessage(value: string): string {
  const first = value[0] ?? "";
  return `starts with ${first}, so a spreadsheet would run it as a formula: to import it as text, put a single quote before it ('${first}...)`;
}

function checkHeader(file: ImportFile, names: string[], line: number): ImportIssue[] {
  const expected: readonly string[] = COLUMNS[file];
  const issue = (column: string | null, message: string): ImportIssue => ({ file: fileNameOf(file), line, column, message });
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
  return countLineBreaks(lenient.slice(0, Math.max(lenient.indexOf("\uFFFD"), 0))) + 1;
}

function countLineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}
