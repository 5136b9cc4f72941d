import "server-only";
import type { PolicyUser } from "@/lib/auth/policy";
import { getPrisma, type Db } from "@/lib/db/client";

export interface LeaverToHandOver {
  id: number;
  name: string;
  teamName: string | null;
  /** In-scope cells where they still hold A or R. */
  cells: number;
}

/**
 * Home's list of people who have left but still hold A or R on cells in scope (issue 18, item 3): every one
 * for an admin, their own team's for a manager (the people whose cells they may hand over), none for a viewer.
 */
export async function listLeaversToHandOver(user: PolicyUser, prisma: Db = getPrisma()): Promise<LeaverToHandOver[]> {
  if (user.role === "viewer" || (user.role === "manager" && user.teamId === null)) return [];
  const person = user.role === "admin" ? { deactivatedAt: { not: null } } : { deactivatedAt: { not: null }, teamId: user.teamId };
  const held = await prisma.assignment.groupBy({
    by: ["personId"],
    where: { endedAt: null, role: { in: ["A", "R"] }, asset: { lifecycle: { not: "retired" } }, person },
    _count: { _all: true },
  });
  const people = await prisma.person.findMany({
    where: { id: { in: held.map((row) => row.personId) } },
    select: { id: true, name: true, team: { select: { name: true } } },
  });
  const cellsOf = new Map(held.map((row) => [row.personId, row._count._all]));
  return people
    .map((p) => ({ id: p.id, name: p.name, teamName: p.team?.name ?? null, cells: cellsOf.get(p.id) ?? 0 }))
    .sort((a, b) => b.cells - a.cells || a.name.localeCompare(b.name));
}
