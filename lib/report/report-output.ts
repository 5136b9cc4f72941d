import type { Db } from "@/lib/db/client";
import type { GapType } from "@/lib/rules";
import type { Report } from "./build-report";
import { reportCsvChunks, reportCsvHeader, reportToCsv } from "./csv";
import { reportInstant } from "./filters";
import { gapTableNamesOf, listGapTableRows, selectReportCells } from "./gap-table";
import type { LoadedReport } from "./load-report";
import { loadSharedReport } from "./shared-report";
import type { ReportExportQuery, ReportSelection } from "./selection";

/** The report as the CLI's JSON: everything but what only the screen uses (names, evaluated cells, people, settings). */
export function reportToJson(report: LoadedReport): string {
  const { catalog: _catalog, cells: _cells, people: _people, settings: _settings, ...rest } = report;
  return `${JSON.stringify(rest, null, 2)}\n`;
}

/**
 * The report's gap rows as CSV, for the cells behind a drill-down (the whole report without one), with
 * the holders and last confirmation the screen's table shows for each cell.
 */
export function loadedReportToCsv(report: LoadedReport, selection: ReportSelection = {}): string {
  const cells = listGapTableRows(selectReportCells(report, selection), gapTableNamesOf(report));
  return reportToCsv(report.gaps, cells, selection.selGap as GapType | undefined);
}

export function reportCsvFileName(report: Pick<Report, "asOf">): string {
  return `tandem-gap-report-${report.asOf.slice(0, 10)}.csv`;
}

/**
 * The CSV download of a report view (its filters and drill-down, as the route read them from the URL),
 * streamed: the header line leaves at once, the rows a thousand at a time once the report is ready, so
 * a large export starts downloading immediately and is never held whole in one string.
 */
export function streamReportCsv(prisma: Db, { filters, selection }: ReportExportQuery, now = new Date()): { fileName: string; body: ReadableStream<Uint8Array> } {
  const encoder = new TextEncoder();
  let chunks: Iterator<string> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(reportCsvHeader()));
    },
    async pull(controller) {
      if (!chunks) {
        const report = await loadSharedReport(prisma, filters, now);
        const cells = listGapTableRows(selectReportCells(report, selection), gapTableNamesOf(report));
        chunks = reportCsvChunks(report.gaps, cells, selection.selGap as GapType | undefined);
      }
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return { fileName: reportCsvFileName({ asOf: reportInstant(filters, now).toISOString() }), body };
}
