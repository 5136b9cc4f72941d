import { beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { readChangesSince, readDataVersion } from "@/lib/cache/kept-figures";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { reopenReview } from "@/lib/review/submit";
import type { EvaluatedCell } from "@/lib/rules";
import { useTestDatabase } from "@/tools/testing/test-database";
import { loadCellState } from "./cell-state";
import { editCell } from "./edit-cell";
import { loadOwnershipSnapshot, patchOwnershipSnapshot, type OwnershipSnapshot } from "./snapshot";

/**
 * After an everyday write the screens patch today's snapshot instead of loading it again: the patched
 * snapshot must be exactly the snapshot a full load gives at the same moment.
 */
describe("patching today's snapshot after a write", () => {
  const db = useTestDatabase();
  let adminId: number;

  beforeAll(async () => {
    await seedDemoOrganisation(db.prisma);
    adminId = (await db.prisma.person.findUniqueOrThrow({ where: { email: "admin@example.org" } })).id;
  });

  const byCell = (snapshot: OwnershipSnapshot) => new Map(snapshot.cells.map((cell): [string, EvaluatedCell] => [`${cell.assetKey}/${cell.concernKey}`, cell]));

  async function loadThenWrite(write: () => Promise<void>) {
    const before = await readDataVersion(db.prisma);
    const snapshot = await loadOwnershipSnapshot(db.prisma, new Date());
    await write();
    const after = await readDataVersion(db.prisma);
    const { changes } = (await readChangesSince(db.prisma, { version: before.version, pending: [] }, after.version))!;
    const now = new Date();
    return { snapshot, changes, now, patched: await patchOwnershipSnapshot(db.prisma, snapshot, changes, now), fresh: await loadOwnershipSnapshot(db.prisma, now) };
  }

  it("re-evaluates the cell a matrix edit changed, and equals a full load", async () => {
    const { snapshot, changes, patched, fresh, now } = await loadThenWrite(async () => {
      const cell = await loadCellState(db.prisma, "corporate-website", "privacy-compliance", new Date());
      const accountable = cell.holders.filter((holder) => holder.role === "A").map((holder) => holder.assignmentId);
      await db.prisma.$transaction((tx) =>
        editCell(tx, { id: adminId, role: "admin", teamId: null, teamFunction: null }, cell, { expectedVersion: cell.version, add: [], end: accountable }, (entry) => recordAudit(tx, { ...entry, actorId: adminId })),
      );
    });
    expect(changes.map((change) => change.entityType)).toContain("cell");
    expect(patched).not.toBeNull();
    expect(patched!.asOf).toEqual(now);
    expect(byCell(snapshot).get("corporate-website/privacy-compliance")!.gaps.map((gap) => gap.type)).not.toContain("no-accountable");
    expect(byCell(patched!).get("corporate-website/privacy-compliance")!.gaps.map((gap) => gap.type)).toContain("no-accountable");
    expect(patched!.cells).toEqual(fresh.cells);
  });

  it("re-evaluates the cells of a reopened review (its decisions no longer count), and equals a full load", async () => {
    const flaggedCell = (await loadOwnershipSnapshot(db.prisma)).cells.find((cell) => cell.gaps.some((gap) => gap.type === "flagged"))!;
    const flagged = await db.prisma.reviewItem.findFirstOrThrow({
      where: { assetId: flaggedCell.assetId, concernId: flaggedCell.concernId, decision: "flag", review: { status: "submitted" } },
      orderBy: { review: { submittedAt: "desc" } },
      select: { reviewId: true },
    });
    const { patched, fresh, snapshot } = await loadThenWrite(async () => {
      await db.prisma.$transaction((tx) => reopenReview(tx, flagged.reviewId, (entry) => recordAudit(tx, { ...entry, actorId: adminId })));
    });
    expect(patched).not.toBeNull();
    expect(patched!.cells).toEqual(fresh.cells);
    expect(patched!.cells).not.toEqual(snapshot.cells);
  });

  it("gives up on a write that may change any cell: a person leaving", async () => {
    const { patched } = await loadThenWrite(async () => {
      const person = await db.prisma.person.findFirstOrThrow({ where: { email: "chen.wei@example.org" } });
      await db.prisma.$transaction(async (tx) => {
        await tx.person.update({ where: { id: person.id }, data: { deactivatedAt: new Date() } });
        await recordAudit(tx, { actorId: adminId, action: "person.deactivated", entityType: "person", entityId: person.email });
      });
    });
    expect(patched).toBeNull();
  });
});
