/**
 * A manager's cell edits in the load test: they put themselves on the cell as Informed, then take
 * themselves off again, and so on. That keeps the team's A and R holders, hence the manager's right to
 * edit the cell and the cell's coverage, unchanged for the whole run, while every edit adds or ends a
 * real assignment under the route's version check.
 */

export interface CellHolder {
  assignmentId: number;
  personId: number;
  role: "R" | "A" | "C" | "I";
}

/** What the edit route answers with 409: the cell as it is now. */
export interface CurrentCell {
  version: string;
  holders: readonly CellHolder[];
}

export interface ToggledCell {
  cell: string;
  version: string;
  /** The user's own Informed assignment on the cell, when it holds one: the next edit ends it. */
  ownAssignmentId: number | null;
}

export type EditCellBody =
  | { expectedVersion: string; add: [{ personId: number; role: "I" }] }
  | { expectedVersion: string; end: [number] };

export type AcknowledgedCellEdit =
  | {
      cell: string;
      action: "add";
      personId: number;
      versionBefore: string;
      versionAfter: string;
      addedIds: number[];
    }
  | { cell: string; action: "end"; personId: number; assignmentId: number; versionAfter: string };

export function toggledCellFrom(cell: string, current: CurrentCell, personId: number): ToggledCell {
  const own = current.holders.find((holder) => holder.personId === personId && holder.role === "I");
  return { cell, version: current.version, ownAssignmentId: own?.assignmentId ?? null };
}

export function nextEdit(cell: ToggledCell, personId: number): EditCellBody {
  return cell.ownAssignmentId === null
    ? { expectedVersion: cell.version, add: [{ personId, role: "I" }] }
    : { expectedVersion: cell.version, end: [cell.ownAssignmentId] };
}

/**
 * The route answers an acknowledged edit with the cell's new version (its current assignment ids): the
 * assignment an add created is the one id the new version has and the old one had not.
 */
export function acknowledgeEdit(
  cell: ToggledCell,
  edit: EditCellBody,
  personId: number,
  versionAfter: string,
): { cell: ToggledCell; write: AcknowledgedCellEdit } {
  if ("end" in edit) {
    return {
      cell: { ...cell, version: versionAfter, ownAssignmentId: null },
      write: { cell: cell.cell, action: "end", personId, assignmentId: edit.end[0], versionAfter },
    };
  }
  const before = new Set(assignmentIdsOf(edit.expectedVersion));
  const addedIds = assignmentIdsOf(versionAfter).filter((id) => !before.has(id));
  return {
    cell: { ...cell, version: versionAfter, ownAssignmentId: addedIds.length === 1 ? addedIds[0]! : null },
    write: {
      cell: cell.cell,
      action: "add",
      personId,
      versionBefore: edit.expectedVersion,
      versionAfter,
      addedIds,
    },
  };
}

/** The inverse of `cellVersion` (lib/ownership/cell-version.ts). */
export function assignmentIdsOf(version: string): number[] {
  return version === "empty" ? [] : version.split(",").map(Number);
}
