import type { z } from "zod";
import { fileNameOf, IMPORT_FILES, type ImportFile, type ImportFiles, type ImportIssue } from "./formats";
import { readCsv, type CsvRow } from "./read-csv";
import {
  assetRowSchema,
  assignmentRowSchema,
  personRowSchema,
  type AssetRow,
  type AssignmentRow,
  type PersonRow,
} from "./row-schemas";

/** A valid row and the line it came from, so later checks against the database can still point at it. */
export interface Located<Row> {
  line: number;
  row: Row;
}

export interface ParsedFile<Row> {
  /** The name the user gave the file, for the audit trail. */
  uploadedName: string;
  /** Data rows read, valid or not. */
  rowCount: number;
  rows: Located<Row>[];
  issues: ImportIssue[];
}

/** Everything that can be checked without the database. A file left out of the import is absent. */
export interface ParsedImport {
  people?: ParsedFile<PersonRow>;
  assets?: ParsedFile<AssetRow>;
  assignments?: ParsedFile<AssignmentRow>;
}

export function parseImportFiles(files: ImportFiles): ParsedImport {
  const parsed: ParsedImport = {};
  if (files.people) {
    const file = parseFile("people", files.people.bytes, personRowSchema, (row) => row.email, "email");
    file.issues.push(...checkTeamFunctions(file.rows));
    parsed.people = { uploadedName: files.people.name, ...file };
  }
  if (files.assets) {
    parsed.assets = { uploadedName: files.assets.name, ...parseFile("assets", files.assets.bytes, assetRowSchema, (row) => row.key, "key") };
  }
  if (files.assignments) {
    const key = (row: AssignmentRow) => [row.asset_key, row.concern_key, row.person_email, row.role].join("\u0000");
    parsed.assignments = {
      uploadedName: files.assignments.name,
      ...parseFile("assignments", files.assignments.bytes, assignmentRowSchema, key, "person_email"),
    };
  }
  for (const file of IMPORT_FILES) parsed[file]?.issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return parsed;
}

/** Every issue of the parsed files, in file order then line order. */
export function issuesOf(parsed: ParsedImport): ImportIssue[] {
  return IMPORT_FILES.flatMap((file) => parsed[file]?.issues ?? []);
}

function parseFile<Schema extends z.ZodType<unknown, Record<string, string>>>(
  file: ImportFile,
  bytes: Uint8Array,
  schema: Schema,
  keyOf: (row: z.output<Schema>) => string,
  keyColumn: string,
): Omit<ParsedFile<z.output<Schema>>, "uploadedName"> {
  const content = readCsv(file, bytes);
  const issues = [...content.issues];
  const rows: Located<z.output<Schema>>[] = [];
  const firstLineOf = new Map<string, number>();
  for (const csvRow of content.rows) {
    const result = schema.safeParse(csvRow.values);
    if (!result.success) {
      issues.push(...rowIssues(file, csvRow, result.error));
      continue;
    }
    const key = keyOf(result.data);
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      issues.push({ file: fileNameOf(file), line: csvRow.line, column: keyColumn, message: `repeats line ${first}` });
      continue;
    }
    firstLineOf.set(key, csvRow.line);
    rows.push({ line: csvRow.line, row: result.data });
  }
  return { rowCount: content.rowCount, rows, issues };
}

/** One message per column: the first is the one worth fixing first. */
function rowIssues(file: ImportFile, csvRow: CsvRow, error: z.ZodError): ImportIssue[] {
  const seen = new Set<string>();
  const issues: ImportIssue[] = [];
  for (const issue of error.issues) {
    const column = String(issue.path[0] ?? "");
    if (seen.has(column)) continue;
    seen.add(column);
    issues.push({ file: fileNameOf(file), line: csvRow.line, column: column || null, message: issue.message });
  }
  return issues;
}

/** A team named on several rows must have the same function on each; the first row decides. */
function checkTeamFunctions(rows: Located<PersonRow>[]): ImportIssue[] {
  const first = new Map<string, { line: number; fn: string }>();
  const issues: ImportIssue[] = [];
  for (const { line, row } of rows) {
    if (row.team === null || row.function === null) continue;
    const seen = first.get(row.team);
    if (!seen) first.set(row.team, { line, fn: row.function });
    else if (seen.fn !== row.function) {
      issues.push({
        file: fileNameOf("people"),
        line,
        column: "function",
        message: `team ${row.team} is ${seen.fn} on line ${seen.line}; a team has one function`,
      });
    }
  }
  return issues;
}
