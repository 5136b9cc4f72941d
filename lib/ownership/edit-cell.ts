import type { Prisma } from "@/lib/db/generated/client";
import { canEditCell, type PolicyUser } from "@/lib/auth/policy";
import type { AuditEntry } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { loadCellState, type CellState } from "./cell-state";
import { cellVersion } from "./cell-version";
import { listCellsHandedOffTo } from "./handoffs";
import type { EditCellInput } from "./schemas";

type Tx = Prisma.TransactionClient;

export interface EditCellResult {
  version: string;
  added: number;
  ended: number;
}

/**
 * Adds and ends A/R/C/I assignments of one cell, in the caller's transaction. The asset row is locked
 * first, so two saves of the same cell are serialised and the second one sees the first one's version.
 */
export async function editCell(
  tx: Tx,
  user: PolicyUser,
  cell: { assetKey: string; concernKey: string },
  input: EditCellInput,
  audit: (entry: Omit<AuditEntry, "actorId">) => Promise<void>,
  now = new Date(),
): Promise<EditCellResult> {
  await tx.$queryRaw`SELECT id FROM "Asset" WHERE key = ${cell.assetKey} FOR UPDATE`;
  const state = await loadCellState(tx, cell.assetKey, cell.concernKey, now);
  await authorizeCellEdit(tx, user, state, now);
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

  const cellId = `${state.asset.key}/${state.concern.key}`;
  for (const holder of ending) {
    await tx.assignment.update({ where: { id: holder.assignmentId }, data: { endedAt: now, endedById: user.id } });
    await audit({
      action: "assignment.ended",
      entityType: "cell",
      entityId: cellId,
      before: { person: holder.personEmail, name: holder.personName, role: holder.role, startedAt: holder.startedAt },
    });
  }
  for (const addition of input.add) {
    const person = newcomers.find((p) => p.id === addition.personId)!;
    // Assigning someone is itself a dated attestation by the person who does it, so the new
    // assignment starts confirmed instead of showing as stale until the next review.
    await tx.assignment.create({
      data: {
        assetId: state.asset.id,
        concernId: state.concern.id,
        personId: person.id,
        role: addition.role,
        startedAt: now,
        confirmedAt: now,
        source: "app",
        createdById: user.id,
        confirmations: { create: { confirmedAt: now, confirmedById: user.id, source: "app" } },
      },
    });
    await audit({
      action: "assignment.added",
      entityType: "cell",
      entityId: cellId,
      after: { person: person.email, name: person.name, role: addition.role },
    });
  }
  const after = await tx.assignment.findMany({
    where: { assetId: state.asset.id, concernId: state.concern.id, endedAt: null },
    select: { id: true },
  });
  return { version: cellVersion(after.map((a) => a.id)), added: input.add.length, ended: ending.length };
}

/** DESIGN.md section 5, with the facts read in this transaction. */
async function authorizeCellEdit(tx: Tx, user: PolicyUser, state: CellState, now: Date): Promise<void> {
  if (user.role === "admin") return;
  if (user.role !== "manager" || user.teamId === null) {
    throw new AppError("forbidden", "Only admins and the managers of the teams involved can change ownership.");
  }
  const settings = await tx.organisationSettings.findUnique({ where: { id: 1 }, select: { timeZone: true } });
  const handedOff = await listCellsHandedOffTo(tx, user.teamId, now, settings?.timeZone ?? "UTC");
  const allowed = canEditCell(user, {
    cell: state.evaluated,
    people: state.people,
    handedOffToUsersTeam: handedOff.some((h) => h.assetId === state.asset.id && h.concernId === state.concern.id),
  });
  if (!allowed) {
    throw new AppError(
      "forbidden",
      "You can change this cell only when someone in your team is accountable or responsible for it, or when it is an uncovered cell of your team's review.",
    );
  }
}
