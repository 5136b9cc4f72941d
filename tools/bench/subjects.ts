import type { BenchOrganisation } from "./organisation-types";
import { BENCH_ADMIN_EMAIL } from "./people";

export interface BenchSubjects {
  adminEmail: string;
  /** The team whose members hold A or R on the most cells in scope now: the heaviest review and team filter. */
  largestTeam: { id: number; name: string; cells: number; members: number; managerEmail: string };
}

export function chooseSubjects(org: BenchOrganisation): BenchSubjects {
  const now = org.now.getTime();
  const teamOf = new Map(org.people.map((person) => [person.id, person.teamId]));
  const assets = new Map(org.assets.map((asset) => [asset.id, asset]));
  const cellsPerTeam = new Map<number, number>();
  for (const cell of org.cells) {
    const asset = assets.get(cell.assetId)!;
    if (asset.createdAt.getTime() > now || (asset.retiredAt && asset.retiredAt.getTime() <= now)) continue;
    const teams = new Set<number>();
    for (const slot of cell.slots) {
      if (slot.role !== "A" && slot.role !== "R") continue;
      for (const spell of slot.spells) {
        const current =
          spell.startedAt.getTime() <= now && (spell.endedAt === null || spell.endedAt.getTime() > now);
        const teamId = teamOf.get(spell.personId);
        if (current && teamId) teams.add(teamId);
      }
    }
    for (const teamId of teams) cellsPerTeam.set(teamId, (cellsPerTeam.get(teamId) ?? 0) + 1);
  }
  const [teamId, cells] = [...cellsPerTeam].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
  const team = org.teams.find((candidate) => candidate.id === teamId)!;
  const managerEmail = org.people.find((person) => person.id === team.managerId)!.email;
  return {
    adminEmail: BENCH_ADMIN_EMAIL,
    largestTeam: { id: team.id, name: team.name, cells, members: team.memberIds.length, managerEmail },
  };
}
