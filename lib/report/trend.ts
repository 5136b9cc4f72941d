import type { Db } from "@/lib/db/client";
import { KEPT_AT_MOST_MS, readDataVersion, readStableVersion } from "@/lib/cache/kept-figures";
import { keptTable } from "@/lib/cache/kept-table";
import { leavesHistoryUnchanged } from "@/lib/ownership/change-effects";
import { loadSnapshotAt } from "@/lib/ownership/current-snapshot";
import { loadOwnershipHistory } from "@/lib/ownership/ownership-history";
import { readTimeZone } from "@/lib/settings/queries";
import { computeCoverageTrend, trendFiguresOfCells, trendFilters, trendInstants, type TrendFigures } from "./coverage-trend";
import { reportInstant, reportFiltersToQuery, type ReportFilters } from "./filters";
import type { CoverageTrendPoint } from "./trend-types";

/**
 * Closed weeks are kept per database, filters and history version, for an hour at most (KEPT_AT_MOST_MS).
 * The history version names the database's epoch, so nothing kept survives a restore or a migration, and
 * otherwise moves only with a write that can rewrite the past (people, assets, the catalog, settings, an
 * import). Everyday writes (cells edited, reviews) take effect at the moment they are made, so they leave
 * every closed week as it was.
 * The point of today is never cached: it is counted from today's snapshot, which follows every write, or,
 * when closed weeks are computed anyway, along with them from the history read then. The two agree but for
 * what the snapshot may lag behind by design (a change made outside the app, a departure dated today that
 * took effect in the last few minutes: see TODAY_MAX_AGE_MS).
 */
const MAX_CACHED_POINTS = 20_000;
const pointCache = keptTable<TrendFigures>("coverage-trend-points", MAX_CACHED_POINTS, KEPT_AT_MOST_MS);

export function clearCoverageTrendCache(): void {
  pointCache.clear();
}

export async function loadCoverageTrend(prisma: Db, filters: ReportFilters, weeks: number, now = new Date()): Promise<CoverageTrendPoint[]> {
  const [{ database }, historyVersion, timeZone] = await Promise.all([
    readDataVersion(prisma),
    readStableVersion(prisma, "history", leavesHistoryUnchanged),
    readTimeZone(prisma),
  ]);
  const instants = trendInstants(reportInstant(filters, now, timeZone), weeks, timeZone);
  const scope = `${database}|${historyVersion}|${new URLSearchParams(reportFiltersToQuery(trendFilters(filters))).toString()}`;
  // An instant not yet past (today, or the end of an as-of date that is today) follows every write, so it is
  // never kept: it is counted from today's snapshot, or along with the closed weeks when those are computed.
  const isToday = (at: Date) => at.getTime() >= now.getTime();
  const keyOf = (at: Date) => `${scope}|${at.toISOString()}`;

  const cached = instants.map(({ at }) => (isToday(at) ? undefined : pointCache.get(keyOf(at))));
  let figures: TrendFigures[];
  if (instants.every(({ at }, i) => isToday(at) || cached[i] !== undefined)) {
    const today = instants.some(({ at }) => isToday(at)) ? await loadSnapshotAt(prisma, now) : null;
    figures = cached.map((point) => point ?? trendFiguresOfCells(today!.cells, today!.people, filters));
  } else {
    // The history is read anyway: today's point costs only the events since the last closed week, where
    // loading today's snapshot (holders with confirmations, review decisions) would cost more than the rest.
    const missing = instants.filter((_instant, i) => cached[i] === undefined).map(({ at }) => at);
    const computed = computeCoverageTrend(await loadOwnershipHistory(prisma), missing, filters);
    const byInstant = new Map(missing.map((at, i) => [at.getTime(), computed[i]!]));
    missing.forEach((at) => {
      if (!isToday(at)) pointCache.set(keyOf(at), byInstant.get(at.getTime())!);
    });
    figures = instants.map(({ at }, i) => cached[i] ?? byInstant.get(at.getTime())!);
  }
  return instants.map(({ week, at, asOfDate }, i) => ({ week, at: at.toISOString(), asOfDate, ...figures[i]! }));
}
