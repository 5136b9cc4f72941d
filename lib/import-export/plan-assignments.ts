import { DateTime } from "luxon";
import { fileNameOf, type ImportIssue } from "./formats";
import { cellIdOf, type CurrentAssignment, type DatabaseState } from "./load-state";
import type { Located, ParsedFile } from "./parse-files";
import type { FileSummary, PlannedWrites } from "./plan-types";
import type { AssignmentRow, ConfirmedAtValue } from "./row-schemas";

/** People and assets that the same import creates or changes, which assignments.csv may refer to. */
export interface IncomingCatalog {
  emails: Set<string>;
  /** Asset key -> its kind after the import. */
  assetKinds: Map<string, string>;
}

/**
 * Compares assignments.csv with the database. The file states the complete current ownership of each
 * (asset, concern) cell it mentions: listed assignments are kept or started, current ones it does not
 * list are ended, and cells it does not mention are left alone.
 */
export function planAssignments(
  file: ParsedFile<AssignmentRow>,
  state: DatabaseState,
  incoming: IncomingCatalog,
  writes: PlannedWrites,
): FileSummary {
  const errors: ImportIssue[] = [...file.issues];
  const error = (line: number, column: string, message: string) =>
    errors.push({ file: fileNameOf("assignments"), line, column, message });
  const summary = { created: 0, updated: 0, unchanged: 0, ended: 0 };
  const cells = new Map<string, { assetKey: string; concernKey: string; rows: (Located<AssignmentRow> & { confirmedAt: Date | null })[] }>();
  const cellsWithErrors = new Set<string>();

  for (const { line, row } of file.rows) {
    const cellKey = `${row.asset_key}\u0000${row.concern_key}`;
    const kind = incoming.assetKinds.get(row.asset_key) ?? state.assets.get(row.asset_key)?.kind;
    const concern = state.concerns.get(row.concern_key);
    const problems = errors.length;
    if (kind === undefined) error(line, "asset_key", `no asset with key ${row.asset_key} in the database or in assets.csv`);
    if (!concern) error(line, "concern_key", `no concern with key ${row.concern_key}`);
    else if (kind !== undefined && !concern.kinds.has(kind)) {
      error(line, "concern_key", `concern ${row.concern_key} does not apply to assets of kind ${kind}`);
    }
    if (!incoming.emails.has(row.person_email) && !state.people.has(row.person_email)) {
      error(line, "person_email", `no person with email ${row.person_email} in the database or in people.csv`);
    }
    const confirmedAt = row.confirmed_at ? toInstant(row.confirmed_at, state.timeZone) : null;
    if (errors.length > problems) {
      cellsWithErrors.add(cellKey);
      continue;
    }
    const cell = cells.get(cellKey) ?? { assetKey: row.asset_key, concernKey: row.concern_key, rows: [] };
    cell.rows.push({ line, row, confirmedAt });
    cells.set(cellKey, cell);
  }

  for (const [cellKey, cell] of cells) {
    const asset = state.assets.get(cell.assetKey);
    const concernId = state.concerns.get(cell.concernKey)!.id;
    const current = new Map<string, CurrentAssignment>();
    for (const assignment of asset ? (state.currentAssignments.get(cellIdOf(asset.id, concernId)) ?? []) : []) {
      current.set(`${state.emailOf.get(assignment.personId)}/${assignment.role}`, assignment);
    }
    const refOf = (email: string, role: AssignmentRow["role"]) => ({ assetKey: cell.assetKey, concernKey: cell.concernKey, email, role });

    for (const { row, confirmedAt } of cell.rows) {
      const ref = refOf(row.person_email, row.role);
      const existing = current.get(`${row.person_email}/${row.role}`);
      current.delete(`${row.person_email}/${row.role}`);
      if (!existing) {
        writes.assignmentsStarted.push({ ...ref, confirmedAt });
        summary.created += 1;
      } else if (confirmedAt && (!existing.confirmedAt || confirmedAt.getTime() > existing.confirmedAt.getTime())) {
        writes.assignmentsConfirmed.push({ ...ref, id: existing.id, previous: existing.confirmedAt, confirmedAt });
        summary.updated += 1;
      } else summary.unchanged += 1;
    }
    // A cell with a bad row is not complete as read: nothing of it is ended on its account.
    if (cellsWithErrors.has(cellKey)) continue;
    for (const [key, assignment] of current) {
      const email = key.slice(0, key.lastIndexOf("/"));
      writes.assignmentsEnded.push({ ...refOf(email, assignment.role), ...assignment });
      summary.ended += 1;
    }
  }
  return { file: fileNameOf("assignments"), uploadedName: file.uploadedName, rows: file.rowCount, ...summary, errors };
}

/** A bare date means the start of that day in the organisation's time zone. */
function toInstant(value: ConfirmedAtValue, timeZone: string): Date {
  if ("at" in value) return value.at;
  return DateTime.fromISO(value.date, { zone: timeZone }).startOf("day").toJSDate();
}
