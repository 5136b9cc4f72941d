import { createPrismaClient } from "@/lib/db/client";
import { flagReasonFromDb } from "@/lib/review/schemas";
import type { StoredWrites } from "./verify-writes";

/** Reads, once the run is over, what the database holds of the cells and reviews the load test wrote. */
export async function readStoredWrites(
  databaseUrl: string,
  written: { cells: readonly string[]; reviewIds: readonly number[] },
): Promise<StoredWrites> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    const cells = new Set(written.cells);
    const assetKeys = [...new Set(written.cells.map((cell) => cell.slice(0, cell.indexOf("/"))))];
    const [assignments, items, events] = await Promise.all([
      prisma.assignment.findMany({
        where: { asset: { key: { in: assetKeys } } },
        select: {
          id: true,
          personId: true,
          role: true,
          endedAt: true,
          asset: { select: { key: true } },
          concern: { select: { key: true } },
        },
      }),
      prisma.reviewItem.findMany({
        where: { reviewId: { in: [...written.reviewIds] } },
        select: {
          reviewId: true,
          decision: true,
          note: true,
          flagReason: true,
          asset: { select: { key: true } },
          concern: { select: { key: true } },
          newOwners: { where: { role: "A" }, select: { personId: true } },
        },
      }),
      prisma.auditEvent.findMany({
        where: {
          action: "review-item.decided",
          entityType: "review",
          entityId: { in: written.reviewIds.map(String) },
        },
        select: { entityId: true, after: true },
      }),
    ]);
    return {
      assignments: assignments
        .map((a) => ({
          id: a.id,
          cell: `${a.asset.key}/${a.concern.key}`,
          personId: a.personId,
          role: a.role,
          ended: a.endedAt !== null,
        }))
        .filter((a) => cells.has(a.cell)),
      decisions: items.map((item) => ({
        reviewId: item.reviewId,
        cell: `${item.asset.key}/${item.concern.key}`,
        decision: item.decision,
        note: item.note,
        flagReason: flagReasonFromDb(item.flagReason),
        accountableId: item.newOwners[0]?.personId ?? null,
      })),
      auditedDecisions: events.map((event) => {
        const after = (event.after ?? {}) as { cell?: string; decision?: string; note?: string };
        return {
          reviewId: Number(event.entityId),
          cell: after.cell ?? "",
          decision: after.decision ?? "",
          note: after.note ?? null,
        };
      }),
    };
  } finally {
    await prisma.$disconnect();
  }
}
