import { getPrisma } from "@/lib/db/client";
import { loadSharedReport } from "@/lib/report/shared-report";
import { loadCoverageTrend } from "@/lib/report/trend";
import type { CoverageTrendPoint } from "@/lib/report/trend-types";
import type { CoverageFigure, ConcernHome } from "@/lib/rules";
import { listTopGaps, listTopHotspots, type TopGap, type TopHotspot } from "./top-cells";

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

/** Home's live figures: counts from the database; coverage, gaps and hotspots from the gap report's one loader. */
export async function getHomeFigures(now = new Date()): Promise<HomeFigures> {
  const prisma = getPrisma();
  const [assetsInScope, assetsRetired, activePeople, teams, assignmentsCurrent, report] = await Promise.all([
    prisma.asset.count({ where: { lifecycle: { not: "retired" } } }),
    prisma.asset.count({ where: { lifecycle: "retired" } }),
    prisma.person.count({ where: { deactivatedAt: null } }),
    prisma.team.count(),
    prisma.assignment.count({ where: { endedAt: null, asset: { lifecycle: { not: "retired" } } } }),
    loadSharedReport(prisma, {}, now),
  ]);
  // Without filters the report's cells are every cell in scope.
  const withGaps = report.cells.filter((cell) => cell.gaps.length > 0);
  return {
    assetsInScope,
    assetsRetired,
    activePeople,
    teams,
    assignmentsCurrent,
    coverage: report.coverage.overall,
    coverageByHome: report.coverage.byFunction,
    cellsWithGaps: withGaps.length,
    cellsWithCriticalGaps: withGaps.filter((cell) => cell.gaps.some((gap) => gap.severity === "critical")).length,
    topGaps: listTopGaps(report),
    topHotspots: listTopHotspots(report),
  };
}

export const HOME_TREND_WEEKS = 12;

/** Coverage over the last 12 weeks, overall and per concern home, from the report's trend loader. */
export function getHomeTrend(now = new Date()): Promise<CoverageTrendPoint[]> {
  return loadCoverageTrend(getPrisma(), {}, HOME_TREND_WEEKS, now);
}
