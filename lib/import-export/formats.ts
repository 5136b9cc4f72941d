/**
 * The three CSV files of DESIGN.md section 6: their names, their columns in order, and the limits an
 * import enforces before it looks at a single row. Import and export both read these, so a column
 * added here is exported and expected on import alike.
 */

export const IMPORT_FILES = ["people", "assets", "assignments"] as const;
export type ImportFile = (typeof IMPORT_FILES)[number];

export const COLUMNS = {
  people: ["email", "name", "team", "function", "role", "active"],
  assets: ["key", "name", "kind", "criticality", "lifecycle", "url", "vendor"],
  assignments: ["asset_key", "concern_key", "person_email", "role", "confirmed_at"],
} as const satisfies Record<ImportFile, readonly string[]>;

export type Column<File extends ImportFile> = (typeof COLUMNS)[File][number];

export const fileNameOf = (file: ImportFile) => `${file}.csv`;

/** Larger files are refused before they are parsed: 5 MB holds far more than 50,000 rows of these columns. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_DATA_ROWS = 50_000;

/** One problem found in the files, located the way a spreadsheet user finds it: file, line, column. */
export interface ImportIssue {
  file: string;
  /** 1-based; the header is line 1. Null when the problem concerns the whole file. */
  line: number | null;
  column: string | null;
  message: string;
}

/** `assets.csv line 7, column criticality: must be one of low, medium, high, critical`. */
export function formatIssue(issue: ImportIssue): string {
  const where = [issue.file, issue.line !== null ? `line ${issue.line}` : null].filter(Boolean).join(" ");
  const column = issue.column !== null ? `, column ${issue.column}` : "";
  return `${where}${column}: ${issue.message}`;
}

/** A file as received: its bytes, and the name the user gave it (kept for the audit trail only). */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export type ImportFiles = Partial<Record<ImportFile, UploadedFile>>;
