import { getPrisma, type Db } from "@/lib/db/client";
import type { Tx } from "@/lib/auth/write-policy";
import type { PolicyUser } from "@/lib/auth/policy";
import { endSessionsIfRoleChanges } from "@/lib/auth/session-validity";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { createPerson, deactivatePerson, reactivatePerson, updatePerson } from "@/lib/people/actions";
import { createTeam, updateTeam } from "@/lib/people/team-actions";
import type { CreatePersonBody, ListPeopleQuery, UpdatePersonBody, UpdateTeamBody } from "./inputs";
import { decodeCursor, pageFrom } from "./pagination";

/** People and teams through /api/v1, by email and by name as in people.csv; the writes are the People screens'. */

type Reader = Db | Tx;

const personSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  deactivatedAt: true,
  updatedAt: true,
  teamId: true,
  team: { select: { name: true, function: true } },
} satisfies Prisma.PersonSelect;

type PersonRow = Prisma.PersonGetPayload<{ select: typeof personSelect }>;

function toPerson(row: PersonRow, now = new Date()) {
  return {
    email: row.email,
    name: row.name,
    team: row.team?.name ?? null,
    function: row.team?.function ?? null,
    role: row.role,
    active: row.deactivatedAt === null || row.deactivatedAt > now,
    updated_at: row.updatedAt.toISOString(),
  };
}

export async function listApiPeople(query: ListPeopleQuery, db: Db = getPrisma()) {
  const after = decodeCursor(query.cursor);
  const where: Prisma.PersonWhereInput = {
    ...(query.team !== undefined ? { team: { name: query.team } } : {}),
    ...(query.role ? { role: query.role } : {}),
    ...(query.active === "true" ? { deactivatedAt: null } : query.active === "false" ? { deactivatedAt: { not: null } } : {}),
    ...(after !== null ? { email: { gt: after } } : {}),
  };
  const rows = await db.person.findMany({ where, select: personSelect, orderBy: { email: "asc" }, take: query.limit + 1 });
  return pageFrom(rows, query.limit, (row) => row.email, (row) => toPerson(row));
}

async function findPerson(email: string, db: Reader): Promise<PersonRow> {
  const row = await db.person.findUnique({ where: { email: email.trim().toLowerCase() }, select: personSelect });
  if (!row) throw new AppError("not-found", `There is no person with the email "${email}".`);
  return row;
}

export const getApiPerson = async (email: string, db: Reader = getPrisma()) => toPerson(await findPerson(email, db));

/** A team named in a body: its id, or a refusal naming the field. */
async function teamIdOf(tx: Tx, name: string | null): Promise<number | null> {
  if (name === null) return null;
  const team = await tx.team.findUnique({ where: { name }, select: { id: true } });
  if (!team) throw new AppError("invalid", `There is no team named "${name}".`, { fieldErrors: { team: [`There is no team named "${name}".`] } });
  return team.id;
}

export async function createApiPerson(tx: Tx, user: PolicyUser, body: CreatePersonBody) {
  const { email } = await createPerson(tx, user, { email: body.email, name: body.name, role: body.role, teamId: await teamIdOf(tx, body.team) });
  return getApiPerson(email, tx);
}

/**
 * Changes the fields sent. `active` marks the person as left or back, with every effect of doing it on the
 * People screen (their sessions and tokens end, their cells show an inactive owner, the holder-left messages).
 */
export async function updateApiPerson(tx: Tx, user: PolicyUser, email: string, body: UpdatePersonBody) {
  await tx.$queryRaw`SELECT id FROM "Person" WHERE email = ${email.trim().toLowerCase()} FOR UPDATE`;
  const current = await findPerson(email, tx);
  const teamId = body.team === undefined ? undefined : await teamIdOf(tx, body.team);
  if (body.name !== undefined || teamId !== undefined || body.role !== undefined) {
    const input = { name: body.name ?? current.name, teamId: teamId === undefined ? current.teamId : teamId, role: body.role ?? current.role, updatedAt: current.updatedAt.toISOString() };
    await endSessionsIfRoleChanges(tx, current.id, () => updatePerson(tx, user, current.id, input));
  }
  const active = toPerson(current).active;
  if (body.active === false && active) await deactivatePerson(tx, user, current.id);
  if (body.active === true && !active) await reactivatePerson(tx, user, current.id);
  return getApiPerson(email, tx);
}

const teamSelect = { id: true, name: true, function: true, updatedAt: true, _count: { select: { members: true } } } satisfies Prisma.TeamSelect;
type TeamRow = Prisma.TeamGetPayload<{ select: typeof teamSelect }>;

const toTeam = (row: TeamRow) => ({ name: row.name, function: row.function, members: row._count.members, updated_at: row.updatedAt.toISOString() });

export async function listApiTeams(db: Db = getPrisma()) {
  return { items: (await db.team.findMany({ select: teamSelect, orderBy: { name: "asc" } })).map(toTeam) };
}

async function findTeam(name: string, db: Reader): Promise<TeamRow> {
  const row = await db.team.findUnique({ where: { name }, select: teamSelect });
  if (!row) throw new AppError("not-found", `There is no team named "${name}".`);
  return row;
}

export const getApiTeam = async (name: string, db: Reader = getPrisma()) => toTeam(await findTeam(name, db));

export async function createApiTeam(tx: Tx, user: PolicyUser, body: { name: string; function: TeamRow["function"] }) {
  await createTeam(tx, user, body);
  return getApiTeam(body.name, tx);
}

export async function updateApiTeam(tx: Tx, user: PolicyUser, name: string, body: UpdateTeamBody) {
  const current = await findTeam(name, tx);
  const next = { name: body.name ?? current.name, function: body.function ?? current.function };
  await updateTeam(tx, user, current.id, { ...next, updatedAt: current.updatedAt.toISOString() });
  return getApiTeam(next.name, tx);
}
