import { getPrisma, type Db } from "@/lib/db/client";
import type { GapType } from "@/lib/rules";
import type { Report } from "./build-report";
import { reportCsvChunks, reportCsvHeader } from "./csv";
import { gapTableNamesOf, listGapTableRows, selectReportCells } from "./gap-table";
import type { LoadedReport } from "./load-report";
import { loadSharedReport } from "./shared-report";
import type { ReportExportQuery, ReportSelection } from "./selection";

/**
 * The report as `npm run report -- --format json` prints it and /api/v1/report answers it: everything but what
 * only the screen uses (names, evaluated cells, people, settings).
 */
export function reportForJson(report: LoadedReport): Omit<LoadedReport, "catalog" | "cells" | "people" | "settings"> {
  const { catalog: _catalog, cells: _cells, people: _people, settings: _settings, ...rest } = report;
  return rest;
}

export function reportToJson(report: LoadedReport): string {
  return `${JSON.stringify(reportForJson(report), null, 2)}\n`;
}

/**
 * The report's gap rows as CSV, for the cells behind a drill-down (the whole report without one), with
 * the holders and last confirmation the screen's table shows for each cell.
 */
export function loadedReportToCsv(report: LoadedReport, selection: ReportSelection = {}): string {
  return reportCsvHeader() + [...reportCsvChunksOf(report, selection)].join("");
}

// The rows of the cells behind the drill-down, narrowed to its gap type when it names one.
function reportCsvChunksOf(report: LoadedReport, selection: ReportSelection): Generator<string> {
  const cells = listGapTableRows(selectReportCells(report, selection), gapTableNamesOf(report));
  return reportCsvChunks(report.gaps, cells, selection.selGap as GapType | undefined);
}

export function reportCsvFileName(report: Pick<Report, "asOf">): string {
  return `tandem-gap-report-${report.asOf.slice(0, 10)}.csv`;
}

/**
 * The CSV download of a report view (its filters and drill-down, as the route read them from the URL),
 * streamed a thousand rows at a time, so a large export is never held whole in one string. The report is
 * built before the first byte, so a failure to build it is an error response, not a truncated file.
 */
export async function streamReportCsv({ filters, selection }: ReportExportQuery, now = new Date(), prisma: Db = getPrisma()): Promise<{ fileName: string; body: ReadableStream<Uint8Array> }> {
  const report = await loadSharedReport(prisma, filters, now);
  const chunks = reportCsvChunksOf(report, selection);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(reportCsvHeader()));
    },
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return { fileName: reportCsvFileName(report), body };
}
