import type { AssignmentRecord, CellHolder, PersonRecord, RulePerson } from "./types";

/** The key of an asset x concern cell in the maps the rules build; stable so callers can build it too. */
export function cellKey(assetId: number, concernId: number): string {
  return `${assetId}:${concernId}`;
}

const CONCERN_IDS = 2 ** 21;

/**
 * The same key as a number, for maps over tens of thousands of cells that are built on every request:
 * no string to allocate per cell. Exact while concern ids stay below two million and asset ids below 2^32.
 */
export function cellNumber(assetId: number, concernId: number): number {
  if (concernId >= CONCERN_IDS || assetId >= 2 ** 32) throw new RangeError(`Cell ids out of range: asset ${assetId}, concern ${concernId}`);
  return assetId * CONCERN_IDS + concernId;
}

/**
 * The holders of every cell as of a date, from the full assignment history, so that any past figure
 * can be recomputed. Cells without a current assignment are absent from the map.
 */
export function holdersAsOf(assignments: AssignmentRecord[], asOf: Date): Map<string, CellHolder[]> {
  const at = asOf.getTime();
  const holders = new Map<string, CellHolder[]>();
  for (const assignment of assignments) {
    if (!isCurrentAt(assignment, at)) continue;
    const key = cellKey(assignment.assetId, assignment.concernId);
    const cellHolders = holders.get(key) ?? [];
    cellHolders.push(holderAt(assignment, at));
    holders.set(key, cellHolders);
  }
  return holders;
}

/** The holders of one cell as of a date, from that cell's assignment history alone. */
export function cellHoldersAsOf(cellAssignments: readonly AssignmentRecord[], asOf: Date): CellHolder[] {
  const at = asOf.getTime();
  const holders: CellHolder[] = [];
  for (const assignment of cellAssignments) if (isCurrentAt(assignment, at)) holders.push(holderAt(assignment, at));
  return holders;
}

function holderAt(assignment: AssignmentRecord, at: number): CellHolder {
  return { personId: assignment.personId, role: assignment.role, confirmedAt: findLatestConfirmation(assignment.confirmations, at) };
}

/**
 * An assignment record built field by field: records made by spreading query rows do not share one object
 * shape, and the trend reads hundreds of thousands of them for every week it reconstructs.
 */
export function assignmentRecord(row: Omit<AssignmentRecord, "confirmations">, confirmations: Date[] = []): AssignmentRecord {
  return {
    assetId: row.assetId,
    concernId: row.concernId,
    personId: row.personId,
    role: row.role,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    source: row.source,
    confirmations,
  };
}

/** People as the rules see them as of a date: deactivated later means still active then. */
export function peopleAsOf(people: PersonRecord[], asOf: Date): Map<number, RulePerson> {
  const at = asOf.getTime();
  const result = new Map<number, RulePerson>();
  for (const person of people) {
    result.set(person.id, {
      id: person.id,
      email: person.email,
      teamId: person.teamId,
      function: person.function,
      active: person.deactivatedAt === null || person.deactivatedAt.getTime() > at,
    });
  }
  return result;
}

// An assignment ended exactly at the as-of instant is no longer current: ending takes effect at once.
function isCurrentAt(assignment: AssignmentRecord, at: number): boolean {
  return (
    assignment.startedAt.getTime() <= at && (assignment.endedAt === null || assignment.endedAt.getTime() > at)
  );
}

// Confirmations made after the as-of date must not make a past cell look fresher than it was.
function findLatestConfirmation(confirmations: Date[], at: number): Date | null {
  let latest: Date | null = null;
  for (const confirmation of confirmations) {
    const time = confirmation.getTime();
    if (time <= at && (latest === null || time > latest.getTime())) latest = confirmation;
  }
  return latest;
}
