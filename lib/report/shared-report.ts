import type { Db } from "@/lib/db/client";
import { memoizeByDataVersion } from "@/lib/db/data-version";
import { loadCurrentSnapshot } from "@/lib/ownership/current-snapshot";
import { reportFiltersToQuery, type ReportFilters } from "./filters";
import { loadReport, type LoadedReport } from "./load-report";

/**
 * The report for the screens and the CSV download: one computation per filter set and data version,
 * shared by every request until the next write, all filter sets of today sharing one snapshot.
 * The command line reads the database afresh with `loadReport`.
 */
export function loadSharedReport(prisma: Db, filters: ReportFilters, now = new Date()): Promise<LoadedReport> {
  const key = `report|${new URLSearchParams(reportFiltersToQuery(filters)).toString()}`;
  return memoizeByDataVersion(prisma, key, async () =>
    loadReport(prisma, filters, now, filters.asOf ? undefined : await loadCurrentSnapshot(prisma)),
  );
}
