import type { Prisma } from "@/lib/db/generated/client";
import type { ReviewDecision } from "@/lib/rules";
import { flagReasonFromDb, type FlagReasonKey } from "./schemas";

/** One decision as the screens show it, and as the audit trail records it. */
export interface ItemView {
  assetId: number;
  concernId: number;
  assetKey: string;
  concernKey: string;
  decision: ReviewDecision;
  note: string | null;
  flagReason: FlagReasonKey | null;
  handoffTeam: { id: number; name: string } | null;
  /** For a change: the accountable person first, then the responsible ones. */
  newOwners: { personId: number; name: string; role: "A" | "R" }[];
  decidedById: number | null;
  decidedByName: string | null;
  decidedAt: Date;
}

export const itemViewSelect = {
  assetId: true,
  concernId: true,
  decision: true,
  note: true,
  flagReason: true,
  decidedById: true,
  decidedAt: true,
  asset: { select: { key: true } },
  concern: { select: { key: true } },
  handoffTeam: { select: { id: true, name: true } },
  decidedBy: { select: { name: true } },
  newOwners: { select: { personId: true, role: true, person: { select: { name: true } } } },
} as const satisfies Prisma.ReviewItemSelect;

export type ItemRow = Prisma.ReviewItemGetPayload<{ select: typeof itemViewSelect }>;

export function toItemView(row: ItemRow): ItemView {
  return {
    assetId: row.assetId,
    concernId: row.concernId,
    assetKey: row.asset.key,
    concernKey: row.concern.key,
    decision: row.decision,
    note: row.note,
    flagReason: flagReasonFromDb(row.flagReason),
    handoffTeam: row.handoffTeam,
    newOwners: row.newOwners
      .filter((owner) => owner.role === "A" || owner.role === "R")
      .map((owner) => ({ personId: owner.personId, name: owner.person.name, role: owner.role as "A" | "R" }))
      .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === "A" ? -1 : 1)),
    decidedById: row.decidedById,
    decidedByName: row.decidedBy?.name ?? null,
    decidedAt: row.decidedAt,
  };
}

/** What the audit trail keeps of a decision: readable on its own, with people and teams by name. */
export function describeItemForAudit(item: ItemView) {
  return {
    cell: `${item.assetKey}/${item.concernKey}`,
    decision: item.decision,
    ...(item.note ? { note: item.note } : {}),
    ...(item.flagReason ? { flagReason: item.flagReason } : {}),
    ...(item.handoffTeam ? { handoffTeam: item.handoffTeam.name } : {}),
    ...(item.newOwners.length ? { newOwners: item.newOwners.map((owner) => `${owner.role} ${owner.name}`) } : {}),
    decidedBy: item.decidedByName,
    decidedAt: item.decidedAt,
  };
}
