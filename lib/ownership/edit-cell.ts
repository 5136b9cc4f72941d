import type { Prisma } from "@/lib/db/generated/client";
import type { PolicyUser } from "@/lib/auth/policy";
import type { AuditEntry } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { watchCells } from "@/lib/webhooks/cell-watch";
import type { CellState } from "./cell-state";
import { cellVersion } from "./cell-version";
import { endHolders, startHolders, type HolderWrite } from "./holder-writes";
import type { EditCellInput } from "./schemas";

type Tx = Prisma.TransactionClient;

export interface EditCellResult {
  version: string;
  added: number;
  ended: number;
}

/**
 * Adds and ends A/R/C/I assignments of one cell, in the caller's transaction, on the cell state that the
 * route's policy (`cellEditors`, ./cell-access.ts) read and allowed after locking the asset row: two saves
 * of the same cell are serialised, and the second one sees the first one's version.
 */
export async function editCell(
  tx: Tx,
  user: PolicyUser,
  state: CellState,
  input: EditCellInput,
  audit: (entry: Omit<AuditEntry, "actorId">) => Promise<void>,
  now = new Date(),
): Promise<EditCellResult> {
  if (state.asset.lifecycle === "retired") {
    throw new AppError("invalid", `${state.asset.name} is retired: its ownership is kept as history and cannot change.`);
  }
  if (state.version !== input.expectedVersion) {
    throw new AppError(
      "conflict",
      "Someone else changed this cell while you were editing it. Here is what it holds now; nothing of yours was saved.",
      { current: { version: state.version, holders: state.holders } },
    );
  }

  const current = new Map(state.holders.map((holder) => [holder.assignmentId, holder]));
  const ending = input.end.map((id) => {
    const holder = current.get(id);
    if (!holder) throw new AppError("invalid", "One of the holders to remove is not on this cell.");
    return holder;
  });
  const remaining = state.holders.filter((holder) => !input.end.includes(holder.assignmentId));
  // DESIGN.md section 3: a cell has exactly one A. A write that names an A ends the one there; a cell that came
  // with several (an import) keeps them, as a gap, until someone names its one A.
  const accountableAfter = remaining.filter((holder) => holder.role === "A").length + input.add.filter((addition) => addition.role === "A").length;
  if (input.add.some((addition) => addition.role === "A") && accountableAfter > 1) {
    throw new AppError("invalid", "A cell has one accountable person: end the current A when you name another.");
  }
  const newcomers = await tx.person.findMany({
    where: { id: { in: input.add.map((a) => a.personId) } },
    select: { id: true, name: true, email: true, deactivatedAt: true },
  });
  const seen = new Set(remaining.map((holder) => `${holder.personId}:${holder.role}`));
  for (const addition of input.add) {
    const person = newcomers.find((p) => p.id === addition.personId);
    if (!person) throw new AppError("invalid", "One of the people to add does not exist.");
    if (person.deactivatedAt && person.deactivatedAt <= now) {
      throw new AppError("invalid", `${person.name} has left the organisation and cannot take on a role.`);
    }
    const key = `${addition.personId}:${addition.role}`;
    if (seen.has(key)) throw new AppError("invalid", `${person.name} already holds ${addition.role} on this cell.`);
    seen.add(key);
  }

  const write: HolderWrite = {
    tx,
    audit,
    userId: user.id,
    now,
    cell: { assetId: state.asset.id, concernId: state.concern.id, cellId: `${state.asset.key}/${state.concern.key}` },
    reviewId: null,
  };
  const watch = await watchCells(tx, { cells: [write.cell] }, now);
  await endHolders(write, ending);
  await startHolders(
    write,
    input.add.map((addition) => {
      const person = newcomers.find((p) => p.id === addition.personId)!;
      return { personId: person.id, personEmail: person.email, personName: person.name, role: addition.role };
    }),
  );
  await watch?.emit(now);
  const after = await tx.assignment.findMany({
    where: { assetId: state.asset.id, concernId: state.concern.id, endedAt: null },
    select: { id: true },
  });
  return { version: cellVersion(after.map((a) => a.id)), added: input.add.length, ended: ending.length };
}
