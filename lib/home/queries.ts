import { getPrisma, type Db } from "@/lib/db/client";
import { memoizeByDataVersion } from "@/lib/cache/kept-figures";
import { changeNoCell } from "@/lib/ownership/change-effects";
import { loadCurrentSnapshot, TODAY_MAX_AGE_MS } from "@/lib/ownership/current-snapshot";
import { gapRowsOf } from "@/lib/report/build-report";
import { activityOf } from "@/lib/report/load-report";
import { loadCurrentReportSources } from "@/lib/report/shared-report";
import { loadCoverageTrend } from "@/lib/report/trend";
import type { CoverageTrendPoint } from "@/lib/report/trend-types";
import { coverageByHome, coverageOf, rankGaps, scoreHotspots, type ConcernHome, type CoverageFigure } from "@/lib/rules";
import { HOME_TOP_COUNT, listTopGaps, listTopHotspots, type TopGap, type TopHotspot } from "./top-cells";

export interface HomeFigures {
  assetsInScope: number;
  assetsRetired: number;
  activePeople: number;
  teams: number;
  assignmentsCurrent: number;
  coverage: CoverageFigure;
  coverageByHome: Record<ConcernHome, CoverageFigure>;
  cellsWithGaps: number;
  cellsWithCriticalGaps: number;
  topGaps: TopGap[];
  topHotspots: TopHotspot[];
}

/**
 * Home's live figures: counts from the database; coverage, gaps and hotspots by the report's own rules
 * and builders on today's shared snapshot, computing only what Home shows (the top five, not the
 * whole ranking), so Home stays quick right after a write.
 */
export function getHomeFigures(): Promise<HomeFigures> {
  const prisma = getPrisma();
  return memoizeByDataVersion(prisma, "home-figures", () => computeHomeFigures(prisma), {
    carryOver: (figures, changes) => (changeNoCell(changes) ? figures : null),
    maxAgeMs: TODAY_MAX_AGE_MS,
  });
}

async function computeHomeFigures(prisma: Db): Promise<HomeFigures> {
  const [assetsInScope, assetsRetired, activePeople, teams, assignmentsCurrent, snapshot] = await Promise.all([
    prisma.asset.count({ where: { lifecycle: { not: "retired" } } }),
    prisma.asset.count({ where: { lifecycle: "retired" } }),
    prisma.person.count({ where: { deactivatedAt: null } }),
    prisma.team.count(),
    prisma.assignment.count({ where: { endedAt: null, asset: { lifecycle: { not: "retired" } } } }),
    loadCurrentSnapshot(prisma),
  ]);
  const sources = await loadCurrentReportSources(prisma, snapshot);
  const cells = snapshot.cells.filter((cell) => cell.inScope);
  const withGaps = cells.filter((cell) => cell.gaps.length > 0);
  const top = {
    gaps: rankGaps(withGaps).slice(0, HOME_TOP_COUNT).flatMap((cell) => gapRowsOf(cell, {})),
    hotspots: scoreHotspots(cells, snapshot.people, activityOf(sources, snapshot.asOf).activity, snapshot.asOf).slice(0, HOME_TOP_COUNT),
    cells,
    catalog: sources.catalog,
  };
  return {
    assetsInScope,
    assetsRetired,
    activePeople,
    teams,
    assignmentsCurrent,
    coverage: coverageOf(cells),
    coverageByHome: coverageByHome(cells),
    cellsWithGaps: withGaps.length,
    cellsWithCriticalGaps: withGaps.filter((cell) => cell.gaps.some((gap) => gap.severity === "critical")).length,
    topGaps: listTopGaps(top),
    topHotspots: listTopHotspots(top),
  };
}

export const HOME_TREND_WEEKS = 12;

/** Coverage over the last 12 weeks, overall and per concern home, from the report's trend loader. */
export function getHomeTrend(now = new Date()): Promise<CoverageTrendPoint[]> {
  return loadCoverageTrend(getPrisma(), {}, HOME_TREND_WEEKS, now);
}
