import { getPrisma, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { auditActorSelect } from "@/lib/audit/actor";
import { PEOPLE_PAGE_SIZE, type PeopleFilters } from "./filters";

/** Reads of the people screens: each selects what its screen shows, in one query per list. */

export async function listPeople(filters: PeopleFilters, prisma: Db = getPrisma()) {
  const where: Prisma.PersonWhereInput = {
    ...(filters.q
      ? {
          OR: [
            { name: { contains: filters.q, mode: "insensitive" } },
            { email: { contains: filters.q, mode: "insensitive" } },
          ],
        }
      : {}),
    ...(filters.team === "none" ? { teamId: null } : filters.team !== null ? { teamId: filters.team } : {}),
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.status === "active"
      ? { deactivatedAt: null }
      : filters.status === "left"
        ? { deactivatedAt: { not: null } }
        : {}),
  };
  const [total, people] = await Promise.all([
    prisma.person.count({ where }),
    prisma.person.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (filters.page - 1) * PEOPLE_PAGE_SIZE,
      take: PEOPLE_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        deactivatedAt: true,
        team: { select: { id: true, name: true, function: true } },
      },
    }),
  ]);
  return { total, people };
}

export type PersonListRow = Awaited<ReturnType<typeof listPeople>>["people"][number];

const HISTORY_LIMIT = 50;

export async function getPersonDetail(id: number, prisma: Db = getPrisma()) {
  const [person, hasPassword, endedAssignments, endedCount] = await Promise.all([
    prisma.person.findUnique({
      where: { id },
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        deactivatedAt: true,
        createdAt: true,
        updatedAt: true,
        team: { select: { id: true, name: true, function: true } },
      },
    }),
    // Only whether a password exists: the hash itself never leaves the database for a page.
    prisma.person.count({ where: { id, passwordHash: { not: null } } }),
    prisma.assignment.findMany({
      where: { personId: id, endedAt: { not: null } },
      orderBy: [{ endedAt: "desc" }, { id: "desc" }],
      take: HISTORY_LIMIT,
      select: {
        id: true,
        role: true,
        startedAt: true,
        endedAt: true,
        source: true,
        asset: { select: { key: true, name: true } },
        concern: { select: { name: true } },
        endedBy: { select: { name: true } },
      },
    }),
    prisma.assignment.count({ where: { personId: id, endedAt: { not: null } } }),
  ]);
  if (!person) return null;
  return { person, hasPassword: hasPassword > 0, endedAssignments, endedCount };
}

export type PersonDetail = NonNullable<Awaited<ReturnType<typeof getPersonDetail>>>;

/** Names for the cells a screen lists: the assets it needs and every concern (a short, fixed list). */
export async function getCellLabels(assetIds: readonly number[], prisma: Db = getPrisma()) {
  const [assets, concerns] = await Promise.all([
    prisma.asset.findMany({
      where: { id: { in: [...new Set(assetIds)] } },
      select: { id: true, key: true, name: true },
    }),
    prisma.concern.findMany({ select: { key: true, name: true } }),
  ]);
  return {
    assetNames: new Map(assets.map((asset) => [asset.id, asset.name])),
    concernNames: new Map(concerns.map((concern) => [concern.key, concern.name])),
  };
}

export type CellLabels = Awaited<ReturnType<typeof getCellLabels>>;

/** The latest audit events about one entity, newest first, with the actor's name. */
export async function listAuditEvents(
  entityType: "person" | "team",
  entityId: string,
  prisma: Db = getPrisma(),
) {
  const where = { entityType, entityId };
  const [events, total] = await Promise.all([
    prisma.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: HISTORY_LIMIT,
      select: {
        id: true,
        action: true,
        at: true,
        before: true,
        after: true,
        ...auditActorSelect,
      },
    }),
    prisma.auditEvent.count({ where }),
  ]);
  return { events, total };
}

export type AuditEvents = Awaited<ReturnType<typeof listAuditEvents>>;

/** What the edit form starts from, with the version it will send back. */
export async function getPersonForEdit(id: number, prisma: Db = getPrisma()) {
  return prisma.person.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, teamId: true, role: true, updatedAt: true },
  });
}

/** A page title for a person or team screen; nothing is said to a visitor who is not signed in. */
export async function getEntityName(kind: "person" | "team", id: number | null, prisma: Db = getPrisma()) {
  if (id === null) return null;
  const row =
    kind === "person"
      ? await prisma.person.findUnique({ where: { id }, select: { name: true } })
      : await prisma.team.findUnique({ where: { id }, select: { name: true } });
  return row?.name ?? null;
}
