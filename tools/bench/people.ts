import type { TeamFunction } from "@/lib/rules/types";
import { FIRST_NAMES, IT_AREAS, LAST_NAMES, MARKETING_AREAS, OTHER_AREAS, REGIONS } from "./names";
import type { BenchPerson, BenchTeam } from "./organisation-types";
import { cumulativeOf, type Random } from "./random";

const DAY = 86_400_000;

export const BENCH_ADMIN_EMAIL = "admin@bench.example.org";

/** Every tenth team is neither marketing nor IT (legal, procurement...); the others alternate. */
export function teamFunctionAt(index: number): TeamFunction {
  if (index % 10 === 9) return "other";
  const before = index - Math.floor(index / 10);
  return before % 2 === 0 ? "marketing" : "it";
}

function teamName(fn: TeamFunction, indexInFunction: number): string {
  const areas = fn === "marketing" ? MARKETING_AREAS : fn === "it" ? IT_AREAS : OTHER_AREAS;
  const area = areas[indexInFunction % areas.length]!;
  const round = Math.floor(indexInFunction / areas.length);
  if (round === 0) return area;
  return `${area} ${round <= REGIONS.length ? REGIONS[round - 1] : round}`;
}

/** "Chloé O'Brien" -> "chloe.obrien": an email local part that needs no quoting. */
function emailPart(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "");
}

/**
 * Teams of uneven size (the first are the largest, as in real departments) with a manager each, one
 * admin without a team, a few viewers, and 1.5% of the other people deactivated at some point in the year.
 */
export function buildTeamsAndPeople(
  random: Random,
  counts: { teams: number; people: number },
  timeline: { since: Date; now: Date },
  passwordHash: string,
): { teams: BenchTeam[]; people: BenchPerson[] } {
  const perFunction: Record<TeamFunction, number> = { marketing: 0, it: 0, other: 0 };
  const teams: BenchTeam[] = [];
  for (let index = 0; index < counts.teams; index++) {
    const fn = teamFunctionAt(index);
    teams.push({
      id: index + 1,
      name: teamName(fn, perFunction[fn]++),
      function: fn,
      managerId: 0,
      memberIds: [],
    });
  }

  const people: BenchPerson[] = [];
  const addPerson = (teamId: number | null, role: BenchPerson["role"], email?: string) => {
    const id = people.length + 1;
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    people.push({
      id,
      email: email ?? `${emailPart(first)}.${emailPart(last)}.${id}@bench.example.org`,
      name: `${first} ${last}`,
      teamId,
      role,
      passwordHash: role === "none" ? null : passwordHash,
      deactivatedAt: null,
    });
    if (teamId !== null) teams[teamId - 1]!.memberIds.push(id);
    return id;
  };

  addPerson(null, "admin", BENCH_ADMIN_EMAIL);
  for (const team of teams) team.managerId = addPerson(team.id, "manager");
  const viewers = Math.max(1, Math.round(counts.people / 200));
  for (let i = 0; i < viewers; i++) addPerson(null, "viewer", `viewer.${i + 1}@bench.example.org`);

  const sizeWeights = cumulativeOf(teams.map((_, index) => 1 / (1 + 0.05 * index)));
  const deactivationWindow = timeline.now.getTime() - DAY - (timeline.since.getTime() + 28 * DAY);
  while (people.length < counts.people) {
    const team = teams[random.weighted(sizeWeights)]!;
    const id = addPerson(team.id, "none");
    if (random.chance(0.015)) {
      people[id - 1]!.deactivatedAt = new Date(
        timeline.since.getTime() + 28 * DAY + Math.floor(random.next() * deactivationWindow),
      );
    }
  }
  return { teams, people };
}
