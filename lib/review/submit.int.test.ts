import { beforeAll, describe, expect, it } from "vitest";
import { loadOwnershipSnapshot } from "@/lib/ownership/snapshot";
import type { EvaluatedCell } from "@/lib/rules";
import { useTestDatabase } from "@/tools/testing/test-database";
import { clearItem, confirmAllUnchanged, decideItem } from "./item-actions";
import {
  asReviewWrite,
  asWrite,
  countRows,
  expectRefused,
  NEXT_WEEK,
  NOW,
  openTeamReview,
  reviewCellsOf,
  seedReviewFixture,
  type ReviewFixture,
  loadBoardPage,
} from "@/tools/testing/review-fixture";
import type { DecideItemInput } from "./schemas";
import { reopenReview, submitReview } from "./submit";

describe("submitting a review", () => {
  const db = useTestDatabase();
  let fixture: ReviewFixture;
  let reviewId: number;
  let cells: EvaluatedCell[];
  const LATER = new Date(NOW.getTime() + 3_600_000);

  const as = (user: keyof ReviewFixture["users"]) => fixture.users[user];
  const decide = (input: DecideItemInput) => asReviewWrite(db.prisma, as("itManager"), reviewId, (tx, review, audit) => decideItem(tx, as("itManager"), review, input, audit, NOW));
  const submit = (user: keyof ReviewFixture["users"] = "itManager", now = LATER, options = {}) =>
    asReviewWrite(db.prisma, as(user), reviewId, (tx, review, audit) => submitReview(tx, as(user), review, audit, now, options));
  const current = (cell: EvaluatedCell, role: "A" | "R") =>
    db.prisma.assignment.findMany({ where: { assetId: cell.assetId, concernId: cell.concernId, endedAt: null, role }, include: { person: true } });

  let changed: EvaluatedCell;
  let confirmed: EvaluatedCell;
  let flagged: EvaluatedCell;
  let handedOff: EvaluatedCell;

  beforeAll(async () => {
    fixture = await seedReviewFixture(db.prisma);
    const webPlatform = fixture.teamId["Web Platform"]!;
    const dataEngineering = fixture.teamId["Data Engineering"]!;
    reviewId = await openTeamReview(db.prisma, as("itManager"), webPlatform);
    cells = await reviewCellsOf(db.prisma, webPlatform);
    const snapshot = await loadOwnershipSnapshot(db.prisma, NOW);
    const dataCells = new Set((await reviewCellsOf(db.prisma, dataEngineering)).map((c) => `${c.assetId}:${c.concernId}`));
    const covered = cells.filter((c) => c.covered && c.holders.every((h) => snapshot.people.get(h.personId)?.active));
    // The hand-off goes to a cell Data Engineering would not review otherwise.
    handedOff = covered.find((c) => !dataCells.has(`${c.assetId}:${c.concernId}`))!;
    [changed, confirmed, flagged] = covered.filter((c) => c !== handedOff && c.holders.some((h) => h.role === "R")) as [EvaluatedCell, EvaluatedCell, EvaluatedCell];
    const ref = (c: EvaluatedCell) => ({ assetKey: c.assetKey, concernKey: c.concernKey });
    await decide({ ...ref(changed), decision: "change", accountableId: fixture.personId["aisha.khan@example.org"]!, responsibleIds: [fixture.personId["mateo.garcia@example.org"]!], note: null });
    await decide({ ...ref(confirmed), decision: "confirm", note: null });
    await decide({ ...ref(flagged), decision: "flag", flagReason: "owner-unclear", note: "Who decides?" });
    await decide({ ...ref(handedOff), decision: "handoff", handoffTeamId: dataEngineering, note: "Data Engineering runs this now." });
  });

  it("is refused while cells are undecided, naming how many", async () => {
    const before = await countRows(db.prisma);
    await expectRefused(submit(), "invalid", new RegExp(`^${cells.length - 4} cells are still undecided`));
    expect(await countRows(db.prisma)).toEqual(before);
  });

  it("applies nothing when it fails midway", async () => {
    await asReviewWrite(db.prisma, as("itManager"), reviewId, (tx, review, audit) => confirmAllUnchanged(tx, as("itManager"), review, audit, NOW));
    const before = await countRows(db.prisma);
    const holdersBefore = await current(changed, "A");
    let calls = 0;
    const failure = submit("itManager", LATER, {
      afterEachItem: (applied: number, total: number) => {
        calls = applied;
        if (applied === Math.ceil(total / 2)) throw new Error("the database went away");
      },
    });
    await expect(failure).rejects.toThrow("the database went away");
    expect(calls).toBeGreaterThan(1);
    expect(await countRows(db.prisma)).toEqual(before);
    expect((await current(changed, "A")).map((a) => a.id)).toEqual(holdersBefore.map((a) => a.id));
    expect((await db.prisma.review.findUniqueOrThrow({ where: { id: reviewId } })).status).toBe("draft");
  });

  it("refuses the whole submit when a new owner left meanwhile, and applies nothing", async () => {
    const aisha = fixture.personId["aisha.khan@example.org"]!;
    await db.prisma.person.update({ where: { id: aisha }, data: { deactivatedAt: NOW } });
    const before = await countRows(db.prisma);
    await expectRefused(submit(), "invalid", /Aisha Khan has left the organisation.*Nothing was applied/);
    expect(await countRows(db.prisma)).toEqual(before);
    await db.prisma.person.update({ where: { id: aisha }, data: { deactivatedAt: null } });
  });

  it("applies changes and confirmations in one go and marks the review submitted", async () => {
    const oldAccountable = await current(changed, "A");
    const confirmedHolders = [...(await current(confirmed, "A")), ...(await current(confirmed, "R"))];
    const result = await submit();
    expect(result).toMatchObject({ alreadySubmitted: false, submittedAt: LATER, applied: { changed: 1, flagged: 1, handedOff: 1 } });
    expect(result.applied.confirmed).toBe(cells.length - 3);

    // The change: old A ended by the submitter, new A and R started from the review, already confirmed.
    for (const old of oldAccountable) {
      if (old.personId === fixture.personId["aisha.khan@example.org"]) continue;
      expect(await db.prisma.assignment.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ endedAt: LATER, endedById: as("itManager").id });
    }
    const [newA] = await current(changed, "A");
    expect(newA).toMatchObject({ source: "review", createdById: as("itManager").id, confirmedAt: LATER, person: { email: "aisha.khan@example.org" } });
    expect((await current(changed, "R")).map((r) => r.person.email)).toEqual(["mateo.garcia@example.org"]);
    expect(await db.prisma.assignmentConfirmation.count({ where: { assignmentId: newA!.id, reviewId, source: "review" } })).toBe(1);

    // The confirmation: each A and R attested by the review.
    for (const holder of confirmedHolders) {
      expect((await db.prisma.assignment.findUniqueOrThrow({ where: { id: holder.id } })).confirmedAt).toEqual(LATER);
      expect(await db.prisma.assignmentConfirmation.count({ where: { assignmentId: holder.id, reviewId, confirmedById: as("itManager").id } })).toBe(1);
    }

    // The flag shows as a gap from the latest submitted review.
    const snapshot = await loadOwnershipSnapshot(db.prisma, LATER);
    const flaggedNow = snapshot.cells.find((c) => c.assetId === flagged.assetId && c.concernId === flagged.concernId)!;
    expect(flaggedNow.gaps.map((g) => g.type)).toContain("flagged");

    const review = await db.prisma.review.findUniqueOrThrow({ where: { id: reviewId } });
    expect(review).toMatchObject({ status: "submitted", submittedAt: LATER, submittedById: as("itManager").id });
    const cellId = `${changed.assetKey}/${changed.concernKey}`;
    const cellEvents = await db.prisma.auditEvent.findMany({ where: { entityType: "cell", entityId: cellId } });
    expect(cellEvents.map((e) => e.action).sort()).toEqual(expect.arrayContaining(["assignment.added", "assignment.ended"]));
    expect(await db.prisma.auditEvent.count({ where: { entityType: "review", entityId: String(reviewId), action: "review.submitted" } })).toBe(1);
  });

  it("changes nothing when submitted again, and answers with the first submit's time", async () => {
    const before = await countRows(db.prisma);
    const again = await submit("itManager", new Date(LATER.getTime() + 60_000));
    expect(again).toMatchObject({ alreadySubmitted: true, submittedAt: LATER });
    expect(await countRows(db.prisma)).toEqual(before);
  });

  it("is read-only once submitted: decisions, undo and confirm-all answer 409", async () => {
    const before = await countRows(db.prisma);
    const ref = { assetKey: confirmed.assetKey, concernKey: confirmed.concernKey };
    await expectRefused(decide({ ...ref, decision: "flag", flagReason: "other", note: "late thought" }), "conflict", /This review was submitted/);
    await expectRefused(asReviewWrite(db.prisma, as("itManager"), reviewId, (tx, review, audit) => clearItem(tx, review, ref, audit, LATER)), "conflict");
    await expectRefused(asReviewWrite(db.prisma, as("itManager"), reviewId, (tx, review, audit) => confirmAllUnchanged(tx, as("itManager"), review, audit, LATER)), "conflict");
    expect(await countRows(db.prisma)).toEqual(before);
  });

  it("puts the hand-off into the receiving team's review of the next week, with the note and the sender", async () => {
    const dataEngineering = fixture.teamId["Data Engineering"]!;
    const thisWeek = await reviewCellsOf(db.prisma, dataEngineering, LATER);
    expect(thisWeek.some((c) => c.assetId === handedOff.assetId && c.concernId === handedOff.concernId)).toBe(false);
    const nextWeek = await reviewCellsOf(db.prisma, dataEngineering, NEXT_WEEK);
    expect(nextWeek.some((c) => c.assetId === handedOff.assetId && c.concernId === handedOff.concernId)).toBe(true);

    const nextReview = await openTeamReview(db.prisma, as("admin"), dataEngineering, NEXT_WEEK);
    const board = await loadBoardPage(db.prisma, nextReview, as("admin"), NEXT_WEEK);
    expect(board!.header.isoWeek).toBe("2026-W49");
    const cell = board!.cells.find((c) => c.assetId === handedOff.assetId && c.concernId === handedOff.concernId)!;
    expect(cell.handoffs).toEqual([{ fromTeamName: "Web Platform", byName: "Tom Becker", note: "Data Engineering runs this now.", at: NOW }]);
  });

  it("is reopened by an admin; submitting again applies no change twice", async () => {
    const reopenedAt = new Date(LATER.getTime() + 3_600_000);
    await asWrite(db.prisma, as("admin"), (tx, audit) => reopenReview(tx, reviewId, audit, reopenedAt));
    expect(await db.prisma.review.findUniqueOrThrow({ where: { id: reviewId } })).toMatchObject({ status: "draft", reopenedAt, submittedAt: null });
    const afterReopen = await countRows(db.prisma);

    const resubmittedAt = new Date(reopenedAt.getTime() + 60_000);
    await submit("admin", resubmittedAt);
    const after = await countRows(db.prisma);
    // No assignment started or ended again; confirmations are new attestations.
    expect(after.assignments).toBe(afterReopen.assignments);
    expect(await db.prisma.assignment.count({ where: { endedAt: resubmittedAt } })).toBe(0);
    expect(after.confirmations).toBeGreaterThan(afterReopen.confirmations);
    expect(await db.prisma.review.findUniqueOrThrow({ where: { id: reviewId } })).toMatchObject({ status: "submitted", submittedAt: resubmittedAt, submittedById: as("admin").id });
  });
});
