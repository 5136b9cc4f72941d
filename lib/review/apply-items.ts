import type { Prisma } from "@/lib/db/generated/client";
import type { AuditEntry } from "@/lib/audit/record";
import { endHolders, startHolders, type CellToWrite } from "@/lib/ownership/holder-writes";

/**
 * What a submitted review does to ownership (DESIGN.md section 2): a `change` puts its new A and R in
 * place, a `confirm` attests the cell's current A and R. Both work by comparing with the holders current
 * in the submit's transaction, so applying the same decision again (a review reopened and submitted
 * again) starts and ends nothing twice; a confirmation made again is a new, dated attestation.
 */

type Tx = Prisma.TransactionClient;
type Audit = (entry: Omit<AuditEntry, "actorId">) => Promise<void>;

export interface ApplyContext {
  tx: Tx;
  audit: Audit;
  reviewId: number;
  userId: number;
  now: Date;
}

const holderSelect = {
  id: true,
  personId: true,
  role: true,
  person: { select: { name: true, email: true, deactivatedAt: true } },
} as const;

function currentAccountableAndResponsible(tx: Tx, cell: CellToWrite) {
  return tx.assignment.findMany({
    where: { assetId: cell.assetId, concernId: cell.concernId, endedAt: null, role: { in: ["A", "R"] } },
    select: holderSelect,
  });
}

/** Ends the current A and R not in `owners`, starts the missing ones, and attests the ones kept. */
export async function applyChange(
  context: ApplyContext,
  cell: CellToWrite,
  owners: { personId: number; role: "A" | "R"; name: string; email: string }[],
): Promise<{ started: number; ended: number }> {
  const { tx, audit, now, userId, reviewId } = context;
  const current = await currentAccountableAndResponsible(tx, cell);
  const key = (holder: { personId: number; role: string }) => `${holder.personId}:${holder.role}`;
  const wanted = new Set(owners.map(key));
  const held = new Set(current.map(key));

  const write = { tx, audit, userId, now, cell, reviewId };
  const ending = current.filter((holder) => !wanted.has(key(holder)));
  await endHolders(
    write,
    ending.map((holder) => ({ assignmentId: holder.id, personEmail: holder.person.email, personName: holder.person.name, role: holder.role })),
  );
  const starting = owners.filter((owner) => !held.has(key(owner)));
  await startHolders(
    write,
    starting.map((owner) => ({ personId: owner.personId, personEmail: owner.email, personName: owner.name, role: owner.role })),
  );
  // Choosing someone again is an attestation too.
  const kept = current.filter((holder) => wanted.has(key(holder)));
  await confirmAssignments(context, kept.map((holder) => holder.id));
  return { started: starting.length, ended: ending.length };
}

/**
 * Attests the cell's current A and R. People who have left are not attested: a manager cannot vouch
 * for someone who is gone, and the cell keeps its departed-owner gap until someone is changed.
 */
export async function applyConfirm(context: ApplyContext, cell: CellToWrite): Promise<number> {
  const current = await currentAccountableAndResponsible(context.tx, cell);
  const active = current.filter((holder) => !holder.person.deactivatedAt || holder.person.deactivatedAt > context.now);
  await confirmAssignments(context, active.map((holder) => holder.id));
  return active.length;
}

async function confirmAssignments({ tx, now, userId, reviewId }: ApplyContext, assignmentIds: number[]): Promise<void> {
  if (assignmentIds.length === 0) return;
  await tx.assignmentConfirmation.createMany({
    data: assignmentIds.map((assignmentId) => ({ assignmentId, confirmedAt: now, confirmedById: userId, reviewId, source: "review" as const })),
  });
  await tx.assignment.updateMany({ where: { id: { in: assignmentIds } }, data: { confirmedAt: now } });
}
