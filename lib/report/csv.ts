import { stringify } from "csv-stringify/sync";
import type { GapType } from "@/lib/rules";
import type { GapRow } from "./build-report";
import type { GapTableRow } from "./gap-table";

export const REPORT_CSV_COLUMNS = [
  "asset_key",
  "asset_name",
  "concern_key",
  "concern_name",
  "gap_type",
  "severity",
  "score",
  "asset_criticality",
  "holders",
  "last_confirmed",
] as const;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula:
 * such values are prefixed with a quote so they stay text (OWASP's advice for CSV injection).
 */
export function escapeSpreadsheetValue(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The report as CSV: one row per asset x concern x gap type, in the report's ranking order.
 * `gaps` are the report's gap rows (already narrowed to the filtered gap type); only those of the
 * cells in `cells` are written, so passing the cells behind a drill-down exports that drill-down.
 * `gapType` narrows the rows further to one type (a drill-down into a gap type's bar).
 */
export function reportToCsv(gaps: readonly GapRow[], cells: readonly GapTableRow[], gapType?: GapType): string {
  return reportCsvHeader() + [...reportCsvChunks(gaps, cells, gapType)].join("");
}

/** The header line of the report's CSV. */
export function reportCsvHeader(): string {
  return stringify([[...REPORT_CSV_COLUMNS]], { record_delimiter: "\n" });
}

const ROWS_PER_CHUNK = 1_000;

/** The report's CSV rows after the header, a thousand at a time, for a download that streams. */
export function* reportCsvChunks(gaps: readonly GapRow[], cells: readonly GapTableRow[], gapType?: GapType): Generator<string> {
  const cellByKey = new Map(cells.map((cell) => [`${cell.assetKey}/${cell.concernKey}`, cell]));
  let rows: string[][] = [];
  for (const gap of gaps) {
    const cell = cellByKey.get(`${gap.assetKey}/${gap.concernKey}`);
    if (!cell || (gapType && gap.type !== gapType)) continue;
    rows.push(
      [
        gap.assetKey,
        cell.assetName,
        gap.concernKey,
        cell.concernName,
        gap.type,
        gap.severity,
        String(gap.score),
        cell.criticality,
        cell.holders.map((holder) => `${holder.name} (${holder.role}${holder.active ? "" : ", inactive"})`).join("; "),
        cell.lastConfirmed?.toISOString() ?? "",
      ].map(escapeSpreadsheetValue),
    );
    if (rows.length === ROWS_PER_CHUNK) {
      yield stringify(rows, { record_delimiter: "\n" });
      rows = [];
    }
  }
  if (rows.length > 0) yield stringify(rows, { record_delimiter: "\n" });
}
