import type { LoadedReport } from "./load-report";
import { reportToCsv } from "./csv";

/** The report as the CLI's JSON: everything but the name lists used for display. */
export function reportToJson(report: LoadedReport): string {
  const { catalog: _catalog, ...rest } = report;
  return `${JSON.stringify(rest, null, 2)}\n`;
}

export function loadedReportToCsv(report: LoadedReport): string {
  return reportToCsv(report, {
    assets: new Map(report.catalog.assets.map((asset) => [asset.key, asset.name])),
    concerns: new Map(report.catalog.concerns.map((concern) => [concern.key, concern.name])),
  });
}
