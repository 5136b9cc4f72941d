import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tools/testing/test-database";
import { clearItem, confirmAllUnchanged, decideItem } from "./item-actions";
import { asReviewWrite, countRows, expectRefused, loadBoardPage, NOW, openTeamReview, reviewCellsOf, seedReviewFixture, type ReviewFixture } from "@/tools/testing/review-fixture";
import type { DecideItemInput } from "./schemas";

describe("review drafts: opening, autosaved decisions, undo and confirm-all", () => {
  const db = useTestDatabase();
  let fixture: ReviewFixture;
  let reviewId: number;
  let webPlatform: number;

  beforeAll(async () => {
    fixture = await seedReviewFixture(db.prisma);
    webPlatform = fixture.teamId["Web Platform"]!;
    reviewId = await openTeamReview(db.prisma, fixture.users.itManager, webPlatform);
  });

  const decide = (user: keyof ReviewFixture["users"], input: DecideItemInput, id = reviewId, now = NOW) =>
    asReviewWrite(db.prisma, fixture.users[user], id, (tx, review, audit) => decideItem(tx, fixture.users[user], review, input, audit, now));

  it("creates the week's cycle and the team's review once, with the manager who opened it", async () => {
    const again = await openTeamReview(db.prisma, fixture.users.itManager, webPlatform);
    expect(again).toBe(reviewId);
    const review = await db.prisma.review.findUniqueOrThrow({ where: { id: reviewId }, include: { cycle: true } });
    expect(review).toMatchObject({ status: "draft", managerId: fixture.users.itManager.id, teamId: webPlatform });
    expect(review.cycle).toMatchObject({
      isoWeek: "2026-W48",
      opensAt: new Date("2026-11-23T00:00:00.000Z"),
      dueAt: new Date("2026-11-27T23:59:59.999Z"),
      closesAt: new Date("2026-11-30T00:00:00.000Z"),
    });
    expect(await db.prisma.auditEvent.count({ where: { entityType: "review", entityId: String(reviewId), action: "review.opened" } })).toBe(1);
  });

  it("leaves the manager empty when an admin opens a review first, and sets it when the manager comes", async () => {
    const dataEngineering = fixture.teamId["Data Engineering"]!;
    const id = await openTeamReview(db.prisma, fixture.users.admin, dataEngineering);
    expect((await db.prisma.review.findUniqueOrThrow({ where: { id } })).managerId).toBeNull();
    await openTeamReview(db.prisma, fixture.users.dataManager, dataEngineering);
    expect((await db.prisma.review.findUniqueOrThrow({ where: { id } })).managerId).toBe(fixture.users.dataManager.id);
  });

  it("saves each kind of decision at once, with who decided and when, and audits it", async () => {
    const [first, second, third, fourth] = await reviewCellsOf(db.prisma, webPlatform);
    const cell = (c: typeof first) => ({ assetKey: c!.assetKey, concernKey: c!.concernKey });
    await decide("itManager", { ...cell(first), decision: "confirm", note: null });
    await decide("itManager", { ...cell(second), decision: "flag", flagReason: "owner-leaving", note: "Moves team in January." });
    await decide("itManager", { ...cell(third), decision: "handoff", handoffTeamId: fixture.teamId["Data Engineering"]!, note: "Yours now." });
    const result = await decide("itManager", {
      ...cell(fourth),
      decision: "change",
      accountableId: fixture.personId["nina.petrova@example.org"]!,
      responsibleIds: [fixture.personId["jonas.lind@example.org"]!],
      note: null,
    });
    expect(result.item).toMatchObject({
      decision: "change",
      decidedById: fixture.users.itManager.id,
      decidedByName: "Tom Becker",
      decidedAt: NOW,
      newOwners: [
        { name: "Nina Petrova", role: "A" },
        { name: "Jonas Lind", role: "R" },
      ],
    });
    expect(result.replaced).toBeNull();
    const items = await db.prisma.reviewItem.findMany({ where: { reviewId }, orderBy: { id: "asc" } });
    expect(items.map((i) => i.decision)).toEqual(["confirm", "flag", "handoff", "change"]);
    expect(items[1]).toMatchObject({ flagReason: "owner_leaving", note: "Moves team in January." });
    const events = await db.prisma.auditEvent.findMany({ where: { entityType: "review", entityId: String(reviewId), action: "review-item.decided" } });
    expect(events).toHaveLength(4);

    const board = await loadBoardPage(db.prisma, reviewId, fixture.users.itManager, NOW);
    const shown = board!.cells.find((c) => c.assetKey === fourth!.assetKey && c.concernKey === fourth!.concernKey)!;
    expect(shown.item?.decision).toBe("change");
    expect(shown.holders.length).toBeGreaterThan(0);
  });

  it("keeps one decision per cell when two managers of the team decide it: the later one wins and says whom it replaced", async () => {
    const second = await db.prisma.person.create({
      data: { email: "second.it.manager@example.org", name: "Sam Second", role: "manager", teamId: webPlatform },
    });
    const secondManager = { id: second.id, role: "manager" as const, teamId: webPlatform, teamFunction: "it" as const };
    const [, , , , cell] = await reviewCellsOf(db.prisma, webPlatform);
    const ref = { assetKey: cell!.assetKey, concernKey: cell!.concernKey };
    await decide("itManager", { ...ref, decision: "confirm", note: null });
    const later = new Date(NOW.getTime() + 60_000);
    const result = await asReviewWrite(db.prisma, secondManager, reviewId, (tx, review, audit) =>
      decideItem(tx, secondManager, review, { ...ref, decision: "flag", flagReason: "owner-unclear", note: null }, audit, later),
    );
    expect(result.replaced).toEqual({ decision: "confirm", byName: "Tom Becker", at: NOW });
    const rows = await db.prisma.reviewItem.findMany({ where: { reviewId, assetId: cell!.assetId, concernId: cell!.concernId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ decision: "flag", decidedById: second.id, decidedAt: later });
    const board = await loadBoardPage(db.prisma, reviewId, fixture.users.itManager, later);
    expect(board!.cells.find((c) => c.assetId === cell!.assetId && c.concernId === cell!.concernId)?.item).toMatchObject({
      decidedByName: "Sam Second",
      decision: "flag",
    });
    // The replaced decision is kept in the audit trail: nothing is lost.
    const last = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "review", entityId: String(reviewId) }, orderBy: { id: "desc" } });
    expect(last.before).toMatchObject({ decision: "confirm", decidedBy: "Tom Becker" });
  });

  it("undoes a decision, and undoing an undecided cell changes nothing", async () => {
    const [first] = await reviewCellsOf(db.prisma, webPlatform);
    const ref = { assetKey: first!.assetKey, concernKey: first!.concernKey };
    const undo = () => asReviewWrite(db.prisma, fixture.users.itManager, reviewId, (tx, review, audit) => clearItem(tx, review, ref, audit, NOW));
    expect(await undo()).toEqual({ cleared: true });
    const before = await countRows(db.prisma);
    expect(await undo()).toEqual({ cleared: false });
    expect(await countRows(db.prisma)).toEqual(before);
  });

  it("refuses a cell outside the team's review, a person who left and the team's own hand-off, writing nothing", async () => {
    const before = await countRows(db.prisma);
    // Brand & Content's content cell of the corporate website is covered and held by marketing only.
    await expectRefused(decide("itManager", { assetKey: "corporate-website", concernKey: "content", decision: "confirm", note: null }), "invalid", /not in Web Platform's review/);
    const [cell] = await reviewCellsOf(db.prisma, webPlatform);
    const ref = { assetKey: cell!.assetKey, concernKey: cell!.concernKey };
    await expectRefused(
      decide("itManager", { ...ref, decision: "change", accountableId: fixture.personId["ravi.patel@example.org"]!, responsibleIds: [], note: null }),
      "invalid",
      /Ravi Patel has left/,
    );
    await expectRefused(decide("itManager", { ...ref, decision: "handoff", handoffTeamId: webPlatform, note: "to us" }), "invalid");
    expect(await countRows(db.prisma)).toEqual(before);
  });

  it("confirms every still-undecided cell in one write, leaving the decided ones as they are", async () => {
    const decidedBefore = await db.prisma.reviewItem.findMany({ where: { reviewId }, orderBy: { id: "asc" } });
    const result = await asReviewWrite(db.prisma, fixture.users.itManager, reviewId, (tx, review, audit) => confirmAllUnchanged(tx, fixture.users.itManager, review, audit, NOW));
    const cells = await reviewCellsOf(db.prisma, webPlatform, NOW, reviewId);
    const items = await db.prisma.reviewItem.findMany({ where: { reviewId } });
    expect(items).toHaveLength(cells.length);
    expect(result.items).toHaveLength(cells.length - decidedBefore.length);
    expect(result.items.every((item) => item.decision === "confirm")).toBe(true);
    for (const earlier of decidedBefore) expect(items.find((i) => i.id === earlier.id)?.decision).toBe(earlier.decision);
    expect(await db.prisma.auditEvent.count({ where: { entityId: String(reviewId), action: "review.all-confirmed" } })).toBe(1);
    // Nothing left: a second confirm-all writes nothing.
    const before = await countRows(db.prisma);
    expect((await asReviewWrite(db.prisma, fixture.users.itManager, reviewId, (tx, review, audit) => confirmAllUnchanged(tx, fixture.users.itManager, review, audit, NOW))).items).toEqual([]);
    expect(await countRows(db.prisma)).toEqual(before);
  });
});
