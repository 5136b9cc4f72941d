import { fileNameOf, type ImportIssue } from "./formats";
import type { DatabaseState, ExistingPerson } from "./load-state";
import type { ParsedFile } from "./parse-files";
import type { FileSummary, PersonSnapshot, PlannedWrites } from "./plan-types";
import type { PersonRow } from "./row-schemas";

export interface PlanContext {
  now: Date;
  /** The admin importing; null from the command line. */
  actorEmail: string | null;
}

/**
 * Compares people.csv with the database: teams to create (with the function the file gives), people to
 * create or update. A team's function never changes through an import: a conflict is an error.
 */
export function planPeople(file: ParsedFile<PersonRow>, state: DatabaseState, context: PlanContext, writes: PlannedWrites): FileSummary {
  const errors: ImportIssue[] = [...file.issues];
  const error = (line: number, column: string, message: string) =>
    errors.push({ file: fileNameOf("people"), line, column, message });
  const teamNameOf = new Map([...state.teams.values()].map((team) => [team.id, team.name]));
  const existingTeamsByLowerName = new Map([...state.teams.values()].map((team) => [team.name.toLowerCase(), team]));
  const newTeams = new Set<string>();
  const summary = { created: 0, updated: 0, unchanged: 0 };

  for (const { line, row } of file.rows) {
    if (row.team !== null && row.function !== null) {
      const existing = state.teams.get(row.team);
      const sameButForCase = existingTeamsByLowerName.get(row.team.toLowerCase());
      if (existing && existing.function !== row.function) {
        error(line, "function", `team ${row.team} already exists as a ${existing.function} team`);
        continue;
      }
      if (!existing && sameButForCase) {
        error(line, "team", `differs only in case from the existing team ${sameButForCase.name}: write it the same way`);
        continue;
      }
      if (!existing && !newTeams.has(row.team)) {
        newTeams.add(row.team);
        writes.teams.push({ name: row.team, function: row.function });
      }
    }
    if (context.actorEmail !== null && row.email === context.actorEmail && (row.role !== "admin" || !row.active)) {
      error(line, row.active ? "role" : "active", "you cannot remove your own admin role or deactivate yourself in an import");
      continue;
    }

    const person = state.people.get(row.email);
    if (!person) {
      writes.peopleCreated.push({ ...desired(row, null, context.now), email: row.email });
      summary.created += 1;
      continue;
    }
    const before = snapshotOf(person, person.teamId === null ? null : (teamNameOf.get(person.teamId) ?? null));
    const after = desired(row, person, context.now);
    if (samePerson(before, after)) summary.unchanged += 1;
    else {
      writes.peopleUpdated.push({ id: person.id, before, after });
      summary.updated += 1;
    }
  }
  return { file: fileNameOf("people"), uploadedName: file.uploadedName, rows: file.rowCount, ...summary, errors };
}

function desired(row: PersonRow, existing: ExistingPerson | null, now: Date): PersonSnapshot {
  return {
    email: row.email,
    name: row.name,
    team: row.team,
    role: row.role,
    active: row.active,
    // Deactivating keeps the date someone already left on; reactivating clears it.
    deactivatedAt: row.active ? null : (existing?.deactivatedAt ?? now),
  };
}

function snapshotOf(person: ExistingPerson, team: string | null): PersonSnapshot {
  return {
    email: person.email,
    name: person.name,
    team,
    role: person.role,
    active: person.deactivatedAt === null,
    deactivatedAt: person.deactivatedAt,
  };
}

function samePerson(a: PersonSnapshot, b: PersonSnapshot): boolean {
  return a.name === b.name && a.team === b.team && a.role === b.role && a.active === b.active;
}
