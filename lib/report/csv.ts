import { stringify } from "csv-stringify/sync";
import type { Report } from "./build-report";

export const REPORT_CSV_COLUMNS = ["asset_key", "asset_name", "concern_key", "concern_name", "gap_type", "severity", "score"] as const;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula:
 * such values are prefixed with a quote so they stay text (OWASP's advice for CSV injection).
 */
export function escapeSpreadsheetValue(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The report as CSV: one row per asset x concern x gap type, in the report's ranking order. */
export function reportToCsv(report: Pick<Report, "gaps">, names: { assets: Map<string, string>; concerns: Map<string, string> }): string {
  const rows = report.gaps.map((gap) => [
    gap.assetKey,
    names.assets.get(gap.assetKey) ?? "",
    gap.concernKey,
    names.concerns.get(gap.concernKey) ?? "",
    gap.type,
    gap.severity,
    String(gap.score),
  ]);
  return stringify([[...REPORT_CSV_COLUMNS], ...rows.map((row) => row.map(escapeSpreadsheetValue))], { record_delimiter: "\n" });
}
