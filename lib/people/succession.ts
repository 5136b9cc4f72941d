import type { PolicyUser } from "@/lib/auth/policy";
import { canHandOverCells, ownershipEditors } from "@/lib/auth/policy";
import type { DataPolicy, Tx } from "@/lib/auth/write-policy";
import type { AuditEntry } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { endHolders, startHolders, type HolderWrite } from "@/lib/ownership/holder-writes";
import { watchCells } from "@/lib/webhooks/cell-watch";
import { requireRouteId, type HandOverInput } from "./schemas";

/**
 * Issue 18, item 3: a leaver's A and R cells handed over to successors in one write. Each cell moves through
 * the same holder writes as the matrix's cell editor (ended, started, one audit event each, notifications and
 * webhooks). A cell that changed since the page was loaded (the leaver no longer holds that role there, or
 * the successor already does) is skipped and reported: the rest of a long hand-over should not wait for one
 * cell somebody else already dealt with, and the answer names every skipped cell.
 */

export interface Leaver {
  id: number;
  email: string;
  name: string;
}

/** An admin, or the manager of the leaver's team: the people who answer for that team's cells. */
export const successionEditors: DataPolicy<Leaver, { id: string }> = {
  role: ownershipEditors,
  async authorize({ tx, user, params }) {
    const id = requireRouteId(params.id, "person");
    const leaver = await tx.person.findUnique({ where: { id }, select: { id: true, email: true, name: true, teamId: true } });
    if (!leaver) throw new AppError("not-found", "This person does not exist.");
    if (!canHandOverCells(user, leaver.teamId)) {
      throw new AppError("forbidden", "Only an admin or the manager of their team can hand over someone's cells.");
    }
    return { id: leaver.id, email: leaver.email, name: leaver.name };
  },
};

type CellRole = HandOverInput["cells"][number];

export interface HandOverResult {
  moved: CellRole[];
  conflicts: (CellRole & { reason: string })[];
}

export async function handOverCells(
  tx: Tx,
  user: PolicyUser,
  leaver: Leaver,
  input: HandOverInput,
  audit: (entry: Omit<AuditEntry, "actorId">) => Promise<void>,
  now = new Date(),
): Promise<HandOverResult> {
  const cells = uniqueCells(input.cells);
  const assetKeys = [...new Set(cells.map((cell) => cell.assetKey))];
  // The lock the cell editor takes, on every asset at once, in one order, so two hand-overs cannot deadlock.
  await tx.$queryRaw`SELECT id FROM "Asset" WHERE key = ANY(${assetKeys}) ORDER BY id FOR UPDATE`;
  const successors = await loadSuccessors(tx, leaver, cells);
  const current = await tx.assignment.findMany({
    where: { asset: { key: { in: assetKeys }, lifecycle: { not: "retired" } }, endedAt: null, role: { in: ["A", "R"] } },
    select: { id: true, personId: true, role: true, startedAt: true, assetId: true, concernId: true, asset: { select: { key: true } }, concern: { select: { key: true } } },
  });
  const find = (cell: CellRole, personId: number) =>
    current.find((a) => a.asset.key === cell.assetKey && a.concern.key === cell.concernKey && a.role === cell.role && a.personId === personId);

  const result: HandOverResult = { moved: [], conflicts: [] };
  const planned: { cell: CellRole; held: NonNullable<ReturnType<typeof find>> }[] = [];
  for (const cell of cells) {
    const held = find(cell, leaver.id);
    const successor = successors.get(cell.successorId)!;
    if (!held) result.conflicts.push({ ...cell, reason: `${leaver.name} no longer holds ${cell.role} here: someone changed this cell meanwhile.` });
    else if (find(cell, successor.id)) result.conflicts.push({ ...cell, reason: `${successor.name} already holds ${cell.role} here.` });
    else planned.push({ cell, held });
  }
  if (planned.length === 0) return result;

  const watch = await watchCells(tx, { cells: planned.map(({ held }) => held) }, now);
  for (const { cell, held } of planned) {
    const successor = successors.get(cell.successorId)!;
    const write: HolderWrite = {
      tx,
      audit,
      userId: user.id,
      now,
      cell: { assetId: held.assetId, concernId: held.concernId, cellId: `${cell.assetKey}/${cell.concernKey}` },
      reviewId: null,
    };
    await endHolders(write, [{ assignmentId: held.id, personEmail: leaver.email, personName: leaver.name, role: cell.role, startedAt: held.startedAt }]);
    await startHolders(write, [{ personId: successor.id, personEmail: successor.email, personName: successor.name, role: cell.role }]);
    result.moved.push(cell);
  }
  await watch?.emit(now);
  await audit({
    action: "person.cells-handed-over",
    entityType: "person",
    entityId: leaver.email,
    after: { cells: result.moved.length, skipped: result.conflicts.length, to: [...new Set(result.moved.map((cell) => successors.get(cell.successorId)!.email))] },
  });
  return result;
}

/** One request per cell and role: a form that sends a cell twice hands it over once, to the last choice. */
function uniqueCells(cells: readonly CellRole[]): CellRole[] {
  return [...new Map(cells.map((cell) => [`${cell.assetKey}/${cell.concernKey}/${cell.role}`, cell])).values()];
}

/** Every successor must be an active person other than the leaver; otherwise nothing is written. */
async function loadSuccessors(tx: Tx, leaver: Leaver, cells: readonly CellRole[]) {
  const ids = [...new Set(cells.map((cell) => cell.successorId))];
  const people = await tx.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true, deactivatedAt: true } });
  const byId = new Map(people.map((person) => [person.id, person]));
  for (const id of ids) {
    const person = byId.get(id);
    if (!person) throw new AppError("invalid", "One of the successors does not exist: reload the page.");
    if (id === leaver.id) throw new AppError("invalid", `${leaver.name} cannot succeed themselves: choose someone else.`);
    if (person.deactivatedAt) throw new AppError("invalid", `${person.name} has left the organisation and cannot take on a role.`);
  }
  return byId;
}
