import { getPrisma, type Db } from "@/lib/db/client";
import type { ReportFilters } from "@/lib/report/filters";
import { reportForJson, streamReportCsv } from "@/lib/report/report-output";
import { loadSharedReport } from "@/lib/report/shared-report";
import type { ReportQuery } from "./inputs";

/** The gap report through /api/v1: the same report as the screen and `npm run report`, for the same filters. */

function filtersOf(query: ReportQuery): ReportFilters {
  const { as_of: asOf, ...filters } = query;
  return { ...filters, asOf };
}

export async function getApiReport(query: ReportQuery, db: Db = getPrisma()) {
  return reportForJson(await loadSharedReport(db, filtersOf(query), new Date()));
}

export function streamApiReportCsv(query: ReportQuery, db: Db = getPrisma()) {
  return streamReportCsv({ filters: filtersOf(query), selection: {} }, new Date(), db);
}
