import { getPrisma, type Db } from "@/lib/db/client";

/** Reads of the team screens and of the team pickers. */

/** Every team, marketing first, then IT, then other, each by name, with active and departed member counts. */
export async function listTeamsOverview(prisma: Db = getPrisma()) {
  const [teams, departed] = await Promise.all([
    prisma.team.findMany({
      orderBy: [{ function: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        function: true,
        _count: { select: { members: { where: { deactivatedAt: null } } } },
      },
    }),
    prisma.person.groupBy({
      by: ["teamId"],
      where: { deactivatedAt: { not: null }, teamId: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const departedByTeam = new Map(departed.map((row) => [row.teamId, row._count._all]));
  return teams.map((team) => ({
    id: team.id,
    name: team.name,
    function: team.function,
    activeMembers: team._count.members,
    departedMembers: departedByTeam.get(team.id) ?? 0,
  }));
}

export type TeamOverview = Awaited<ReturnType<typeof listTeamsOverview>>[number];

export async function listTeamOptions(prisma: Db = getPrisma()) {
  return prisma.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, function: true } });
}

export type TeamOption = Awaited<ReturnType<typeof listTeamOptions>>[number];

export async function getTeamDetail(id: number, prisma: Db = getPrisma()) {
  return prisma.team.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      function: true,
      createdAt: true,
      updatedAt: true,
      members: {
        orderBy: [{ name: "asc" }, { id: "asc" }],
        select: { id: true, name: true, email: true, role: true, deactivatedAt: true },
      },
    },
  });
}

export type TeamDetail = NonNullable<Awaited<ReturnType<typeof getTeamDetail>>>;

/** Names of the people holding the given cells, whichever team they are in. */
export async function getPeopleNames(ids: readonly number[], prisma: Db = getPrisma()) {
  const people = await prisma.person.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true },
  });
  return new Map(people.map((person) => [person.id, person.name]));
}
