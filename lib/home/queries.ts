import { getPrisma } from "@/lib/db/client";

export interface HomeCounts {
  assetsInScope: number;
  assetsRetired: number;
  activePeople: number;
  teams: number;
  cellsInScope: number;
  assignmentsCurrent: number;
}

/** The live counts behind Home, in one round of parallel queries. */
export async function getHomeCounts(): Promise<HomeCounts> {
  const prisma = getPrisma();
  const [assetsInScope, assetsRetired, activePeople, teams, cells, assignmentsCurrent] = await Promise.all([
    prisma.asset.count({ where: { lifecycle: { not: "retired" } } }),
    prisma.asset.count({ where: { lifecycle: "retired" } }),
    prisma.person.count({ where: { deactivatedAt: null } }),
    prisma.team.count(),
    prisma.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count
      FROM "Asset" a JOIN "ConcernApplicability" ca ON ca."kindId" = a."kindId"
      WHERE a.lifecycle <> 'retired'`,
    prisma.assignment.count({ where: { endedAt: null, asset: { lifecycle: { not: "retired" } } } }),
  ]);
  return {
    assetsInScope,
    assetsRetired,
    activePeople,
    teams,
    cellsInScope: Number(cells[0]?.count ?? 0),
    assignmentsCurrent,
  };
}
