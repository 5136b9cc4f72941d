import type { Db } from "@/lib/db/client";
import { readDataVersion, readStableVersion } from "@/lib/db/data-version";
import { leavesHistoryUnchanged } from "@/lib/ownership/change-effects";
import { loadSnapshotAt } from "@/lib/ownership/current-snapshot";
import { loadRuleCatalog } from "@/lib/ownership/rule-catalog";
import { assignmentRecord, type AssignmentSource, type RaciRole } from "@/lib/rules";
import { computeCoverageTrend, trendFiguresOfCells, trendFilters, trendInstants, type CoverageHistory, type TrendFigures } from "./coverage-trend";
import { reportInstant, reportFiltersToQuery, type ReportFilters } from "./filters";
import type { CoverageTrendPoint } from "./trend-types";

/**
 * Closed weeks are cached per database, filters and history version: the version moves only with a write
 * that can rewrite the past (people, assets, the catalog, settings, an import). Everyday writes (cells
 * edited, reviews) take effect at the moment they are made, so they leave every closed week as it was.
 * The point of today is counted from today's snapshot, which follows every write.
 */
const MAX_CACHED_POINTS = 20_000;
const pointCache = new Map<string, TrendFigures>();

export function clearCoverageTrendCache(): void {
  pointCache.clear();
}

export async function loadCoverageTrend(prisma: Db, filters: ReportFilters, weeks: number, now = new Date()): Promise<CoverageTrendPoint[]> {
  const asOf = reportInstant(filters, now);
  const instants = trendInstants(asOf, weeks);
  const [{ database }, historyVersion] = await Promise.all([readDataVersion(prisma), readStableVersion(prisma, "history", leavesHistoryUnchanged)]);
  const scope = `${database}|${historyVersion}|${new URLSearchParams(reportFiltersToQuery(trendFilters(filters))).toString()}`;
  // An instant not yet past (today, or the end of an as-of date that is today) is read from today's snapshot.
  const isToday = (at: Date) => at.getTime() >= now.getTime();
  const keyOf = (at: Date) => `${scope}|${at.toISOString()}`;

  const today = instants.some(({ at }) => isToday(at)) ? await loadSnapshotAt(prisma, now) : null;
  let figures = instants.map(({ at }) => (isToday(at) ? trendFiguresOfCells(today!.cells, today!.people, filters) : pointCache.get(keyOf(at))));
  const missing = instants.filter((_instant, i) => figures[i] === undefined).map(({ at }) => at);
  if (missing.length > 0) {
    const computed = computeCoverageTrend(await loadCoverageHistory(prisma), missing, filters);
    const byInstant = new Map(missing.map((at, i) => [at.getTime(), computed[i]!]));
    missing.forEach((at) => remember(keyOf(at), byInstant.get(at.getTime())!));
    figures = figures.map((point, i) => point ?? byInstant.get(instants[i]!.at.getTime()));
  }
  return instants.map(({ week, at, asOfDate }, i) => ({ week, at: at.toISOString(), asOfDate, ...figures[i]! }));
}

function remember(key: string, point: TrendFigures): void {
  if (pointCache.size >= MAX_CACHED_POINTS) {
    const oldest = pointCache.keys().next().value;
    if (oldest !== undefined) pointCache.delete(oldest);
  }
  pointCache.set(key, point);
}

/** The whole assignment history in one query; confirmations play no part in coverage. */
export async function loadCoverageHistory(prisma: Db): Promise<CoverageHistory> {
  const [catalog, assignments] = await Promise.all([
    loadRuleCatalog(prisma),
    prisma.$queryRaw<{ assetId: number; concernId: number; personId: number; role: RaciRole; startedAt: Date; endedAt: Date | null; source: AssignmentSource }[]>`
      SELECT "assetId", "concernId", "personId", role::text AS role, "startedAt", "endedAt", source::text AS source FROM "Assignment"`,
  ]);
  return { ...catalog, assignments: assignments.map((assignment) => assignmentRecord(assignment)) };
}
