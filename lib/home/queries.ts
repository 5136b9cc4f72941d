import { getPrisma } from "@/lib/db/client";
import { loadOwnershipSnapshot } from "@/lib/ownership/snapshot";
import { summarizeCoverage, type CoverageFigure, type ConcernHome } from "@/lib/rules";

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
}

/** Home's live figures: counts from the database, coverage from the one rules engine. */
export async function getHomeFigures(now = new Date()): Promise<HomeFigures> {
  const prisma = getPrisma();
  const [assetsInScope, assetsRetired, activePeople, teams, assignmentsCurrent, snapshot] = await Promise.all([
    prisma.asset.count({ where: { lifecycle: { not: "retired" } } }),
    prisma.asset.count({ where: { lifecycle: "retired" } }),
    prisma.person.count({ where: { deactivatedAt: null } }),
    prisma.team.count(),
    prisma.assignment.count({ where: { endedAt: null, asset: { lifecycle: { not: "retired" } } } }),
    loadOwnershipSnapshot(prisma, now),
  ]);
  const summary = summarizeCoverage(snapshot.cells, snapshot.people);
  const withGaps = snapshot.cells.filter((cell) => cell.gaps.length > 0);
  return {
    assetsInScope,
    assetsRetired,
    activePeople,
    teams,
    assignmentsCurrent,
    coverage: summary.overall,
    coverageByHome: summary.byHome,
    cellsWithGaps: withGaps.length,
    cellsWithCriticalGaps: withGaps.filter((cell) => cell.gaps.some((gap) => gap.severity === "critical")).length,
  };
}
