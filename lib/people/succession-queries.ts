import "server-only";
import { getPrisma, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { rankSuccessors, type SuggestedSuccessor } from "@/lib/rules/successors";

/**
 * What the succession section of a person's page shows (issue 18, item 3): every in-scope cell where they
 * hold A or R, grouped by asset, with the suggested successor of each, and the people a cell can go to.
 */

export interface SuccessionCell {
  assetKey: string;
  concernKey: string;
  concernName: string;
  role: "A" | "R";
  /** Best first (lib/rules/successors.ts); the form preselects the first. */
  suggestions: SuggestedSuccessor[];
}

export interface SuccessionAsset {
  assetKey: string;
  assetName: string;
  cells: SuccessionCell[];
}

export interface SuccessionView {
  assets: SuccessionAsset[];
  cellCount: number;
  /** Every active person, the leaver's team first, for the successor lists. */
  successors: { id: number; name: string; teamName: string | null; sameTeam: boolean }[];
}

/** The leaver's current A and R cells on assets not retired: what a hand-over moves. */
export const handOverScope = (personId: number): Prisma.AssignmentWhereInput => ({
  personId,
  endedAt: null,
  role: { in: ["A", "R"] },
  asset: { lifecycle: { not: "retired" } },
});

export async function getSuccession(personId: number, prisma: Db = getPrisma()): Promise<SuccessionView | null> {
  const leaver = await prisma.person.findUnique({ where: { id: personId }, select: { id: true, teamId: true } });
  if (!leaver) return null;
  const held = await prisma.assignment.findMany({
    where: handOverScope(personId),
    select: {
      assetId: true,
      concernId: true,
      role: true,
      asset: { select: { key: true, name: true } },
      concern: { select: { key: true, name: true } },
    },
    orderBy: [{ asset: { name: "asc" } }, { concern: { name: "asc" } }, { role: "asc" }],
  });
  const concernIds = [...new Set(held.map((cell) => cell.concernId))];
  const [people, holdings] = await Promise.all([
    prisma.person.findMany({
      where: { deactivatedAt: null },
      select: { id: true, name: true, teamId: true, role: true, team: { select: { name: true } } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    leaver.teamId === null
      ? []
      : prisma.assignment.findMany({
          where: { endedAt: null, concernId: { in: concernIds }, person: { teamId: leaver.teamId, deactivatedAt: null } },
          select: { assetId: true, concernId: true, personId: true, role: true },
        }),
  ]);
  const managerId = people.find((person) => person.role === "manager" && person.teamId !== null && person.teamId === leaver.teamId)?.id ?? null;
  const facts = {
    leaver,
    people: people.map((person) => ({ id: person.id, teamId: person.teamId, active: true })),
    holdings,
    managerId,
  };
  const assets = new Map<string, SuccessionAsset>();
  for (const cell of held) {
    const asset = assets.get(cell.asset.key) ?? { assetKey: cell.asset.key, assetName: cell.asset.name, cells: [] };
    asset.cells.push({
      assetKey: cell.asset.key,
      concernKey: cell.concern.key,
      concernName: cell.concern.name,
      role: cell.role as "A" | "R",
      suggestions: rankSuccessors(facts, cell),
    });
    assets.set(cell.asset.key, asset);
  }
  const sameTeam = (teamId: number | null) => leaver.teamId !== null && teamId === leaver.teamId;
  const successors = people
    .filter((person) => person.id !== personId)
    .map((person) => ({ id: person.id, name: person.name, teamName: person.team?.name ?? null, sameTeam: sameTeam(person.teamId) }))
    .sort((a, b) => Number(b.sameTeam) - Number(a.sameTeam));
  return { assets: [...assets.values()], cellCount: held.length, successors };
}
