import { notifyOwnershipAssigned } from "@/lib/notifications/ownership-events";
import type { AuditEntry } from "@/lib/audit/record";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * Ending and starting the holders of one cell, each with its audit event: the one way the matrix's cell
 * editor and a submitted review change who holds a cell. A new holder starts confirmed: assigning
 * someone is itself a dated attestation by the person who does it, so the cell does not show as stale
 * until the next review.
 */
export interface HolderWrite {
  tx: Prisma.TransactionClient;
  audit: (entry: Omit<AuditEntry, "actorId">) => Promise<void>;
  userId: number;
  now: Date;
  cell: CellToWrite;
  /** The review whose submit makes the change; null for an edit in the matrix. */
  reviewId: number | null;
}

export interface CellToWrite {
  assetId: number;
  concernId: number;
  /** `assetKey/concernKey`, as the audit trail names the cell. */
  cellId: string;
}

interface Holder {
  personEmail: string;
  personName: string;
  role: "A" | "R" | "C" | "I";
}

export async function endHolders(write: HolderWrite, holders: (Holder & { assignmentId: number; startedAt?: Date })[]): Promise<void> {
  for (const holder of holders) {
    await write.tx.assignment.update({ where: { id: holder.assignmentId }, data: { endedAt: write.now, endedById: write.userId } });
    await write.audit({
      action: "assignment.ended",
      entityType: "cell",
      entityId: write.cell.cellId,
      before: { person: holder.personEmail, name: holder.personName, role: holder.role, startedAt: holder.startedAt },
      after: write.reviewId === null ? undefined : { reviewId: write.reviewId },
    });
  }
}

export async function startHolders(write: HolderWrite, holders: (Holder & { personId: number })[]): Promise<void> {
  const { tx, now, userId, reviewId } = write;
  const source = reviewId === null ? "app" : "review";
  for (const holder of holders) {
    await tx.assignment.create({
      data: {
        assetId: write.cell.assetId,
        concernId: write.cell.concernId,
        personId: holder.personId,
        role: holder.role,
        startedAt: now,
        confirmedAt: now,
        source,
        createdById: userId,
        confirmations: { create: { confirmedAt: now, confirmedById: userId, reviewId, source } },
      },
    });
    await write.audit({
      action: "assignment.added",
      entityType: "cell",
      entityId: write.cell.cellId,
      after: { person: holder.personEmail, name: holder.personName, role: holder.role, ...(reviewId === null ? {} : { reviewId }) },
    });
  }
  await notifyOwnershipAssigned(
    tx,
    userId,
    holders.flatMap((holder) => (holder.role === "A" || holder.role === "R" ? [{ personId: holder.personId, role: holder.role, assetId: write.cell.assetId, concernId: write.cell.concernId }] : [])),
    now,
  );
}
