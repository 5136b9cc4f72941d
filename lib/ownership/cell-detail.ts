import { auditActorSelect } from "@/lib/audit/actor";
import { canEditCell, type PolicyUser } from "@/lib/auth/policy";
import { getPrisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { loadCellState } from "./cell-state";
import { listCellsHandedOffTo } from "./handoffs";
import { readTimeZone } from "@/lib/settings/queries";

export interface PersonOption {
  id: number;
  name: string;
  email: string;
  teamId: number | null;
  teamName: string | null;
  function: "marketing" | "it" | "other" | null;
}

/** Everything the cell panel shows: holders, state, history, and whether this user may edit. */
export async function getCellDetail(user: PolicyUser, assetKey: string, concernKey: string, now = new Date()) {
  const prisma = getPrisma();
  let state;
  try {
    state = await loadCellState(prisma, assetKey, concernKey, now);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
  const timeZone = await readTimeZone(prisma);
  const [handedOff, history, ended, people] = await Promise.all([
    user.teamId ? listCellsHandedOffTo(prisma, user.teamId, now, timeZone) : Promise.resolve([]),
    prisma.auditEvent.findMany({
      where: { entityType: "cell", entityId: `${assetKey}/${concernKey}` },
      orderBy: { at: "desc" },
      take: 50,
      select: { id: true, action: true, at: true, before: true, after: true, ...auditActorSelect },
    }),
    prisma.assignment.findMany({
      where: { assetId: state.asset.id, concernId: state.concern.id, endedAt: { not: null } },
      orderBy: { endedAt: "desc" },
      take: 50,
      select: { id: true, role: true, startedAt: true, endedAt: true, source: true, person: { select: { name: true } } },
    }),
    prisma.person.findMany({
      where: { deactivatedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true, email: true, teamId: true, team: { select: { name: true, function: true } } },
    }),
  ]);
  const canEdit =
    state.asset.lifecycle !== "retired" &&
    canEditCell(user, {
      cell: state.evaluated,
      people: state.people,
      handedOffToUsersTeam: handedOff.some((h) => h.assetId === state.asset.id && h.concernId === state.concern.id),
    });
  return {
    ...state,
    canEdit,
    history,
    ended,
    personOptions: people.map(
      (person): PersonOption => ({
        id: person.id,
        name: person.name,
        email: person.email,
        teamId: person.teamId,
        teamName: person.team?.name ?? null,
        function: person.team?.function ?? null,
      }),
    ),
  };
}

export type CellDetail = NonNullable<Awaited<ReturnType<typeof getCellDetail>>>;
