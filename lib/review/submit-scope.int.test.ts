import { beforeAll, describe, expect, it } from "vitest";
import type { EvaluatedCell } from "@/lib/rules";
import { useTestDatabase } from "@/tools/testing/test-database";
import {
  asReviewWrite,
  asWrite,
  countRows,
  expectRefused,
  NOW,
  openTeamReview,
  reviewCellsOf,
  seedReviewFixture,
  type ReviewFixture,
} from "@/tools/testing/review-fixture";
import { clearItem, confirmAllUnchanged, decideItem } from "./item-actions";
import type { DecideItemInput } from "./schemas";
import { reopenReview, submitReview } from "./submit";

/** Issue 14, point 4: decisions whose cell left the team's scope, and how long a reopened review stays open. */
describe("a review's decisions against the team's scope at submit", () => {
  const db = useTestDatabase();
  let fixture: ReviewFixture;
  let reviewId: number;
  let moved: EvaluatedCell;
  let kept: EvaluatedCell;
  const as = (user: keyof ReviewFixture["users"]) => fixture.users[user];
  const at = (iso: string) => new Date(iso);
  const write = <T>(user: keyof ReviewFixture["users"], run: Parameters<typeof asReviewWrite<T>>[3]) => asReviewWrite(db.prisma, as(user), reviewId, run);
  const decide = (input: DecideItemInput, now = NOW) => write("itManager", (tx, review, audit) => decideItem(tx, as("itManager"), review, input, audit, now));
  const submit = (now: Date, user: keyof ReviewFixture["users"] = "itManager") => write(user, (tx, review, audit) => submitReview(tx, as(user), review, audit, now));
  const holders = (cell: EvaluatedCell) =>
    db.prisma.assignment.findMany({ where: { assetId: cell.assetId, concernId: cell.concernId, endedAt: null, role: { in: ["A", "R"] } }, select: { personId: true, role: true }, orderBy: { role: "asc" } });
  const ref = (cell: EvaluatedCell) => ({ assetKey: cell.assetKey, concernKey: cell.concernKey });
  const nameOf = async (cell: EvaluatedCell) => {
    const [asset, concern] = await Promise.all([db.prisma.asset.findUniqueOrThrow({ where: { id: cell.assetId } }), db.prisma.concern.findUniqueOrThrow({ where: { id: cell.concernId } })]);
    return `${asset.name} · ${concern.name}`;
  };

  beforeAll(async () => {
    fixture = await seedReviewFixture(db.prisma);
    const webPlatform = fixture.teamId["Web Platform"]!;
    reviewId = await openTeamReview(db.prisma, as("itManager"), webPlatform);
    const cells = await reviewCellsOf(db.prisma, webPlatform);
    // Cells Web Platform holds alone, so that giving them to another team takes them out of its scope.
    const ownTeam = new Set((await db.prisma.person.findMany({ where: { teamId: webPlatform }, select: { id: true } })).map((person) => person.id));
    [moved, kept] = cells.filter((cell) => cell.covered && cell.holders.filter((h) => h.role === "A" || h.role === "R").every((h) => ownTeam.has(h.personId))) as [EvaluatedCell, EvaluatedCell];
    await decide({ ...ref(moved), decision: "change", accountableId: as("itManager").id, responsibleIds: [], note: null });
    await decide({ ...ref(kept), decision: "change", accountableId: as("itManager").id, responsibleIds: [], note: null });
    await write("itManager", (tx, review, audit) => confirmAllUnchanged(tx, as("itManager"), review, audit, NOW));
  });

  it("refuses a decision whose cell an admin gave to another team, naming the cell, and applies nothing", async () => {
    // The admin makes Data Engineering's manager the only accountable owner, as a matrix edit would.
    const movedAt = at("2026-11-25T10:30:00Z");
    await db.prisma.assignment.updateMany({ where: { assetId: moved.assetId, concernId: moved.concernId, endedAt: null, role: { in: ["A", "R"] } }, data: { endedAt: movedAt } });
    await db.prisma.assignment.create({ data: { assetId: moved.assetId, concernId: moved.concernId, personId: as("dataManager").id, role: "A", startedAt: movedAt, source: "app" } });
    const before = await countRows(db.prisma);
    const keptBefore = await holders(kept);
    const name = await nameOf(moved);
    const refused = await expectRefused(submit(at("2026-11-25T11:00:00Z")), "conflict", /no longer in Web Platform's review.*Nothing was applied\.$/);
    expect(refused.message.startsWith(`${name} is no longer`)).toBe(true);
    expect(await countRows(db.prisma)).toEqual(before);
    expect(await holders(moved)).toEqual([{ personId: as("dataManager").id, role: "A" }]);
    expect(await holders(kept)).toEqual(keptBefore);
  });

  it("submits once that decision is cleared, leaving the admin's owners in place", async () => {
    await write("itManager", (tx, review, audit) => clearItem(tx, review, ref(moved), audit, NOW));
    await submit(at("2026-11-25T11:05:00Z"));
    expect(await holders(moved)).toEqual([{ personId: as("dataManager").id, role: "A" }]);
    expect(await holders(kept)).toEqual([{ personId: as("itManager").id, role: "A" }]);
  });

  it("lets a reopened review be edited and submitted again until the team's next review is due, then not", async () => {
    // Reopened on Wednesday of week 48: editable until that week's review is due, Friday 23:59:59.999 UTC.
    await asWrite(db.prisma, as("admin"), (tx, audit) => reopenReview(tx, reviewId, audit, at("2026-11-25T12:00:00Z")));
    await decide({ ...ref(kept), decision: "confirm", note: null }, at("2026-11-27T20:00:00Z"));
    const before = await countRows(db.prisma);
    await expectRefused(decide({ ...ref(kept), decision: "flag", flagReason: "owner-unclear", note: null }, at("2026-11-28T00:00:00Z")), "conflict", /reopened until its team's next review was due.*read-only again/);
    await expectRefused(submit(at("2026-11-28T09:00:00Z"), "admin"), "conflict", /read-only again/);
    expect(await countRows(db.prisma)).toEqual(before);
  });

  it("gives a review reopened after this week's due time until next week's", async () => {
    await db.prisma.review.update({ where: { id: reviewId }, data: { status: "submitted", submittedAt: at("2026-11-27T10:00:00Z") } });
    await asWrite(db.prisma, as("admin"), (tx, audit) => reopenReview(tx, reviewId, audit, at("2026-11-28T10:00:00Z")));
    await submit(at("2026-12-04T22:00:00Z"), "admin");
    await asWrite(db.prisma, as("admin"), (tx, audit) => reopenReview(tx, reviewId, audit, at("2026-11-28T10:00:00Z")));
    await expectRefused(submit(at("2026-12-05T00:00:00Z"), "admin"), "conflict", /read-only again/);
  });
});
