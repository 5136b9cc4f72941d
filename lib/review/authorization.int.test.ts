import { beforeAll, describe, expect, it } from "vitest";
import type { PolicyUser } from "@/lib/auth/policy";
import { useTestDatabase } from "@/lib/testing/test-database";
import { openReview } from "./cycles";
import { clearItem, confirmAllUnchanged, decideItem } from "./item-actions";
import { asWrite, countRows, expectRefused, NOW, openTeamReview, reviewCellsOf, seedReviewFixture, type ReviewFixture } from "./review-test-setup";
import { reopenReview, submitReview } from "./submit";

/** DESIGN.md section 5 for reviews: admins any team, managers their own team only, viewers never. */
describe("who may write to a review", () => {
  const db = useTestDatabase();
  let fixture: ReviewFixture;
  let webReview: number;
  let dataReview: number;
  let ref: { assetKey: string; concernKey: string };

  beforeAll(async () => {
    fixture = await seedReviewFixture(db.prisma);
    webReview = await openTeamReview(db.prisma, fixture.users.itManager, fixture.teamId["Web Platform"]!);
    dataReview = await openTeamReview(db.prisma, fixture.users.dataManager, fixture.teamId["Data Engineering"]!);
    const [cell] = await reviewCellsOf(db.prisma, fixture.teamId["Web Platform"]!);
    ref = { assetKey: cell!.assetKey, concernKey: cell!.concernKey };
  });

  const writes = {
    open: (user: PolicyUser, reviewId: number) =>
      asWrite(db.prisma, user, async (tx, audit) => {
        const review = await tx.review.findUniqueOrThrow({ where: { id: reviewId }, include: { cycle: true } });
        return openReview(tx, user, review.teamId, review.cycle.isoWeek, "UTC", audit);
      }),
    decide: (user: PolicyUser, reviewId: number) =>
      asWrite(db.prisma, user, (tx, audit) => decideItem(tx, user, reviewId, { ...ref, decision: "confirm", note: null }, audit, NOW)),
    undo: (user: PolicyUser, reviewId: number) => asWrite(db.prisma, user, (tx, audit) => clearItem(tx, user, reviewId, ref, audit, NOW)),
    confirmAll: (user: PolicyUser, reviewId: number) => asWrite(db.prisma, user, (tx, audit) => confirmAllUnchanged(tx, user, reviewId, audit, NOW)),
    submit: (user: PolicyUser, reviewId: number) => asWrite(db.prisma, user, (tx, audit) => submitReview(tx, user, reviewId, audit, NOW)),
    reopen: (user: PolicyUser, reviewId: number) => asWrite(db.prisma, user, (tx, audit) => reopenReview(tx, user, reviewId, audit, NOW)),
  };

  it.each(Object.keys(writes) as (keyof typeof writes)[])("refuses %s to a viewer and to the manager of another team, writing nothing", async (write) => {
    const before = await countRows(db.prisma);
    await expectRefused(writes[write](fixture.users.viewer, webReview), "forbidden");
    await expectRefused(writes[write](fixture.users.marketingManager, webReview), "forbidden");
    expect(await countRows(db.prisma)).toEqual(before);
    expect((await db.prisma.review.findUniqueOrThrow({ where: { id: webReview } })).status).toBe("draft");
  });

  it("refuses a review that does not exist with 404", async () => {
    await expectRefused(writes.decide(fixture.users.admin, 999_999), "not-found");
  });

  it("lets the team's manager decide, undo, confirm all and submit their own review", async () => {
    await writes.decide(fixture.users.itManager, webReview);
    expect(await writes.undo(fixture.users.itManager, webReview)).toEqual({ cleared: true });
    await writes.confirmAll(fixture.users.itManager, webReview);
    expect((await writes.submit(fixture.users.itManager, webReview)).alreadySubmitted).toBe(false);
  });

  it("refuses reopening to the team's own manager; an admin reopens", async () => {
    const before = await countRows(db.prisma);
    await expectRefused(writes.reopen(fixture.users.itManager, webReview), "forbidden", /Only an admin/);
    expect(await countRows(db.prisma)).toEqual(before);
    await writes.reopen(fixture.users.admin, webReview);
    expect((await db.prisma.review.findUniqueOrThrow({ where: { id: webReview } })).status).toBe("draft");
  });

  it("lets an admin work on any team's review", async () => {
    // The admin is in Marketing Operations; Data Engineering is an IT team.
    await writes.confirmAll(fixture.users.admin, dataReview);
    const result = await writes.submit(fixture.users.admin, dataReview);
    expect(result.alreadySubmitted).toBe(false);
    expect(await db.prisma.review.findUniqueOrThrow({ where: { id: dataReview } })).toMatchObject({ status: "submitted", submittedById: fixture.users.admin.id });
  });
});
