import { beforeAll, describe, expect, it } from "vitest";
import type { PolicyUser } from "@/lib/auth/policy";
import { useTestDatabase } from "@/tools/testing/test-database";
import { openReview } from "./cycles";
import { decideItem } from "./item-actions";
import { asReviewWrite, asWrite, countRows, expectRefused, NOW, openTeamReview, reviewCellsOf, seedReviewFixture, type ReviewFixture } from "@/tools/testing/review-fixture";

/**
 * DESIGN.md section 5 for reviews where no route's wrapper stands in front: opening a review, which the
 * review page does. The routes' writes (decide, undo, confirm all, submit, reopen) are tried by every kind of
 * user in lib/api/authorization-matrix.int.test.ts.
 */
describe("who may open a review", () => {
  const db = useTestDatabase();
  let fixture: ReviewFixture;
  let webPlatform: number;

  beforeAll(async () => {
    fixture = await seedReviewFixture(db.prisma);
    webPlatform = fixture.teamId["Web Platform"]!;
  });

  const open = (user: PolicyUser, teamId: number) =>
    asWrite(db.prisma, user, async (tx, audit) => openReview(tx, user, teamId, "2026-W48", "UTC", audit));

  it("refuses a viewer and the manager of another team, writing nothing", async () => {
    const before = { ...(await countRows(db.prisma)), reviews: await db.prisma.review.count() };
    await expectRefused(open(fixture.users.viewer, webPlatform), "forbidden");
    await expectRefused(open(fixture.users.marketingManager, webPlatform), "forbidden");
    expect({ ...(await countRows(db.prisma)), reviews: await db.prisma.review.count() }).toEqual(before);
  });

  it("lets the team's manager and an admin open it, as one review", async () => {
    const byManager = await openTeamReview(db.prisma, fixture.users.itManager, webPlatform);
    expect(await open(fixture.users.admin, webPlatform)).toBe(byManager);
  });

  it("answers 404 for a review that does not exist", async () => {
    const [cell] = await reviewCellsOf(db.prisma, webPlatform);
    const write = asReviewWrite(db.prisma, fixture.users.admin, 999_999, (tx, review, audit) =>
      decideItem(tx, fixture.users.admin, review, { assetKey: cell!.assetKey, concernKey: cell!.concernKey, decision: "confirm", note: null }, audit, NOW),
    );
    await expectRefused(write, "not-found");
  });
});
