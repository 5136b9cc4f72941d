import type { Db } from "@/lib/db/client";
import { readDataVersion } from "@/lib/db/data-version";
import { loadRuleCatalog } from "@/lib/ownership/rule-catalog";
import type { AssignmentSource, RaciRole } from "@/lib/rules";
import { computeCoverageTrend, nextCoverageChangeAfter, trendFilters, trendInstants, type CoverageHistory, type TrendFigures } from "./coverage-trend";
import { reportInstant, reportFiltersToQuery, type ReportFilters } from "./filters";
import type { CoverageTrendPoint } from "./trend-types";

/**
 * Trend points are cached per database, data version and filters. Every write of the app records an
 * audit event, so the highest audit event id names the state of the data: a closed week's point stays
 * valid until some write happens, and the current point also until the next dated change in the
 * history (an assignment or departure scheduled for later) comes due.
 */
interface CachedPoint {
  figures: TrendFigures;
  validUntil: number;
}

const MAX_CACHED_POINTS = 20_000;
const pointCache = new Map<string, CachedPoint>();

export function clearCoverageTrendCache(): void {
  pointCache.clear();
}

export async function loadCoverageTrend(prisma: Db, filters: ReportFilters, weeks: number, now = new Date()): Promise<CoverageTrendPoint[]> {
  const asOf = reportInstant(filters, now);
  const instants = trendInstants(asOf, weeks);
  const { database, version } = await readDataVersion(prisma);
  const scope = `${database}|${version}|${new URLSearchParams(reportFiltersToQuery(trendFilters(filters))).toString()}`;
  const nowMs = now.getTime();
  // The last point of a trend up to now moves with the clock, but coverage itself only moves with the data.
  const keyOf = (at: Date) => `${scope}|${at.getTime() < nowMs ? at.toISOString() : "now"}`;

  let figures = instants.map(({ at }) => {
    const cached = pointCache.get(keyOf(at));
    return cached && nowMs < cached.validUntil ? cached.figures : undefined;
  });
  if (figures.some((point) => point === undefined)) {
    const history = await loadCoverageHistory(prisma);
    const computed = computeCoverageTrend(
      history,
      instants.map(({ at }) => at),
      filters,
    );
    const nextChange = nextCoverageChangeAfter(history, now)?.getTime() ?? Number.POSITIVE_INFINITY;
    instants.forEach(({ at }, i) => remember(keyOf(at), { figures: computed[i]!, validUntil: at.getTime() < nowMs ? Number.POSITIVE_INFINITY : nextChange }));
    figures = computed;
  }
  return instants.map(({ week, at, asOfDate }, i) => ({ week, at: at.toISOString(), asOfDate, ...figures[i]! }));
}

function remember(key: string, point: CachedPoint): void {
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
  return { ...catalog, assignments: assignments.map((assignment) => ({ ...assignment, confirmations: [] })) };
}
