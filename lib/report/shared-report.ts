import type { Db } from "@/lib/db/client";
import { memoizeByDataVersion } from "@/lib/cache/kept-figures";
import { changeNoCell } from "@/lib/ownership/change-effects";
import { loadCurrentSnapshot, TODAY_MAX_AGE_MS } from "@/lib/ownership/current-snapshot";
import type { OwnershipSnapshot } from "@/lib/ownership/snapshot";
import { reportFiltersToQuery, type ReportFilters } from "./filters";
import { loadReport, loadReportSources, patchReportSources, type LoadedReport, type ReportSources } from "./load-report";

/**
 * The report for the screens and the CSV download: one computation per filter set and data version,
 * shared by every request until the next write, all filter sets of today sharing one snapshot and one
 * read of the other sources, both brought up to date after a cell edit rather than read again.
 * The command line reads the database afresh with `loadReport`.
 */
export function loadSharedReport(prisma: Db, filters: ReportFilters, now = new Date()): Promise<LoadedReport> {
  const key = `report|${new URLSearchParams(reportFiltersToQuery(filters)).toString()}`;
  return memoizeByDataVersion(
    prisma,
    key,
    async () => {
      if (filters.asOf) return loadReport(prisma, filters, now);
      const snapshot = await loadCurrentSnapshot(prisma);
      return loadReport(prisma, filters, now, snapshot, await loadCurrentReportSources(prisma, snapshot));
    },
    { carryOver: (report, changes) => (changeNoCell(changes) ? report : null), maxAgeMs: TODAY_MAX_AGE_MS },
  );
}

/** The report's other sources of today, read with today's snapshot and patched with it. */
export function loadCurrentReportSources(prisma: Db, snapshot: OwnershipSnapshot): Promise<ReportSources> {
  return memoizeByDataVersion(prisma, "report-sources", () => loadReportSources(prisma, snapshot.asOf), {
    carryOver: (sources, changes) => patchReportSources(prisma, sources, changes, snapshot),
    maxAgeMs: TODAY_MAX_AGE_MS,
  });
}
