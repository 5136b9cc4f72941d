import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { AuditAction } from "./actions";

type Tx = Prisma.TransactionClient;

export interface AuditEntry {
  actorId: number | null;
  /** Entity-first, dotted: `asset.created`, `assignment.ended`, `person.deactivated`; each declares its effect in ./actions.ts. */
  action: AuditAction;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/** Dates and other values become plain JSON, so an audit record never depends on class instances. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Appends to the audit trail inside the caller's transaction: the event exists exactly when the write does. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}
