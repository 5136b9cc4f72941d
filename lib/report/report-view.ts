import "server-only";
import { getPrisma } from "@/lib/db/client";
import { buildGapTable, gapTableNamesOf, parseGapTableSort, selectReportCells, type GapTable, type GapTableSort } from "./gap-table";
import type { LoadedReport } from "./load-report";
import { loadSharedReport } from "./shared-report";
import { loadCoverageTrend } from "./trend";
import { parseReportView, type RawSearchParams, type ReportPageView } from "./report-params";
import { describeSelection } from "./selection-label";
import type { CoverageTrendPoint } from "./trend-types";
import { readTimeZone } from "@/lib/settings/queries";

export interface ReportPageData {
  /** The view the URL asked for, with unreadable values dropped. */
  view: ReportPageView;
  sort: GapTableSort;
  report: LoadedReport;
  trend: CoverageTrendPoint[];
  table: GapTable;
  /** The drill-down in words; null without one. */
  selectionLabel: string | null;
  timeZone: string;
}

/** Everything the report screen shows for one URL: the report, its trend and one page of the ranked table. */
export async function loadReportPage(raw: RawSearchParams, now = new Date()): Promise<ReportPageData> {
  const view = parseReportView(raw);
  const sort = parseGapTableSort(view.sort);
  const prisma = getPrisma();
  const [report, trend, timeZone] = await Promise.all([
    loadSharedReport(prisma, view.filters, now),
    loadCoverageTrend(prisma, view.filters, view.trendWeeks, now),
    readTimeZone(prisma),
  ]);
  const cells = selectReportCells(report, view.selection);
  const table = buildGapTable(cells, { sort, page: view.page }, gapTableNamesOf(report));
  return {
    view: { ...view, page: table.page },
    sort,
    report,
    trend,
    table,
    selectionLabel: describeSelection(view.selection, report.catalog),
    timeZone,
  };
}
