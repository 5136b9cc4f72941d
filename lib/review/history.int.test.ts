import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tools/testing/test-database";
import { listReviews } from "./history";
import { loadHistoryGrid } from "./history-grid";
import { getReviewSummary, listOverdueTeamsIn } from "./home";
import { confirmAllUnchanged, decideItem } from "./item-actions";
import { getReviewRecord } from "./record";
import { asReviewWrite, NOW, openTeamReview, reviewCellsOf, seedReviewFixture, type ReviewFixture } from "@/tools/testing/review-fixture";
import { submitReview } from "./submit";

describe("review history, overdue teams and Home's summary on the demo", () => {
  const db = useTestDatabase();
  let fixture: ReviewFixture;

  beforeAll(async () => {
    fixture = await seedReviewFixture(db.prisma);
  });

  const statusesOf = async (team: string, now = NOW) => {
    const grid = await loadHistoryGrid(db.prisma, now);
    const row = grid.rows.find((r) => r.team.name === team)!;
    return Object.fromEntries(row.cells.map((cell) => [cell.isoWeek, cell.status]));
  };

  it("shows the last 12 weeks, ending with the current one", async () => {
    const grid = await loadHistoryGrid(db.prisma, NOW);
    expect(grid.weeks.map((w) => w.isoWeek)).toEqual([
      "2026-W37", "2026-W38", "2026-W39", "2026-W40", "2026-W41", "2026-W42",
      "2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48",
    ]);
    expect(grid.weeks.at(-1)?.current).toBe(true);
    expect(grid.rows).toHaveLength(6);
  });

  it("tells missing, late and on-time weeks apart, as the demo history has them", async () => {
    const data = await statusesOf("Data Engineering");
    expect([data["2026-W43"], data["2026-W44"], data["2026-W45"], data["2026-W47"]]).toEqual(["missing", "missing", "missing", "missing"]);
    // An abandoned draft is still a missing review.
    expect(data["2026-W46"]).toBe("missing");
    expect(data["2026-W42"]).toBe("on-time");
    expect(data["2026-W48"]).toBe("open");

    const campaigns = await statusesOf("Digital Campaigns");
    expect([campaigns["2026-W40"], campaigns["2026-W45"]]).toEqual(["late", "late"]);
    expect(campaigns["2026-W41"]).toBe("on-time");
    expect((await statusesOf("Web Platform"))["2026-W42"]).toBe("late");
  });

  it("lists every team's reviews, newest first, with their decisions counted", async () => {
    const { rows, total } = await listReviews(db.prisma, { page: 1 });
    expect(total).toBeGreaterThan(60);
    expect(rows[0]!.isoWeek).toBe("2026-W47");
    const flagged = rows.find((r) => r.teamName === "Web Platform" && r.isoWeek === "2026-W47")!;
    expect(flagged.counts.flag).toBe(1);
    const only = await listReviews(db.prisma, { page: 1, teamId: fixture.teamId["Data Engineering"] });
    expect(only.rows.every((r) => r.teamName === "Data Engineering")).toBe(true);

    const record = await getReviewRecord(db.prisma, flagged.id, fixture.users.viewer, NOW);
    expect(record!.header.editable).toBe(false);
    const items = record!.groups.flatMap((g) => g.items);
    expect(items.find((i) => i.decision === "flag")).toMatchObject({ assetKey: "website-chatbot", concernKey: "hosting-uptime", flagReason: "owner-leaving" });
  });

  it("lists every overdue team-week of the last 12 weeks, as the history grid shows them missing", async () => {
    const overdue = await listOverdueTeamsIn(db.prisma, NOW);
    const grid = await loadHistoryGrid(db.prisma, NOW);
    const missing = grid.rows.flatMap((row) => row.cells.filter((cell) => cell.status === "missing").map((cell) => `${row.team.name} ${cell.isoWeek}`));
    expect(overdue.map((o) => `${o.teamName} ${o.isoWeek}`).sort()).toEqual(missing.sort());
    expect(overdue.filter((o) => o.teamName === "Data Engineering").map((o) => o.isoWeek)).toEqual(["2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47"]);
    // Past Friday's due time, this week's reviews are late if submitted now, not overdue: the week has not ended.
    const saturday = new Date("2026-11-28T09:00:00.000Z");
    expect((await listOverdueTeamsIn(db.prisma, saturday)).filter((o) => o.isoWeek === "2026-W48")).toEqual([]);
    // On Monday the week has ended.
    const monday = new Date("2026-11-30T09:00:00.000Z");
    expect((await listOverdueTeamsIn(db.prisma, monday)).filter((o) => o.isoWeek === "2026-W48")).toHaveLength(6);
  });

  it("counts a team that held nothing as having had a review when a cell was handed off to it the week before", async () => {
    const team = await db.prisma.team.create({ data: { name: "Hand-off desk", function: "other" } });
    expect((await statusesOf("Hand-off desk"))["2026-W47"]).toBe("nothing-to-review");
    const submitted = await db.prisma.review.findFirstOrThrow({ where: { status: "submitted", cycle: { isoWeek: "2026-W46" } }, include: { items: true } });
    const cell = (await reviewCellsOf(db.prisma, submitted.teamId)).find((c) => !submitted.items.some((i) => i.assetId === c.assetId && i.concernId === c.concernId))!;
    await db.prisma.reviewItem.create({ data: { reviewId: submitted.id, assetId: cell.assetId, concernId: cell.concernId, decision: "handoff", handoffTeamId: team.id, note: "Yours now" } });
    const statuses = await statusesOf("Hand-off desk");
    expect([statuses["2026-W46"], statuses["2026-W47"]]).toEqual(["nothing-to-review", "missing"]);
  });

  it("gives Home the manager's progress and due date, and nothing to a viewer", async () => {
    const webPlatform = fixture.teamId["Web Platform"]!;
    expect(await getReviewSummary(db.prisma, fixture.users.viewer, NOW)).toBeNull();
    const untouched = await getReviewSummary(db.prisma, fixture.users.itManager, NOW);
    const cells = await reviewCellsOf(db.prisma, webPlatform);
    expect(untouched).toMatchObject({ teamName: "Web Platform", isoWeek: "2026-W48", decided: 0, total: cells.length, overdue: false, submitted: false, reviewId: null });
    expect(untouched!.dueAt).toEqual(new Date("2026-11-27T23:59:59.999Z"));

    const reviewId = await openTeamReview(db.prisma, fixture.users.itManager, webPlatform);
    const user = fixture.users.itManager;
    await asReviewWrite(db.prisma, user, reviewId, (tx, review, audit) =>
      decideItem(tx, user, review, { assetKey: cells[0]!.assetKey, concernKey: cells[0]!.concernKey, decision: "confirm", note: null }, audit, NOW),
    );
    expect(await getReviewSummary(db.prisma, user, NOW)).toMatchObject({ decided: 1, total: cells.length, reviewId });
    expect(await getReviewSummary(db.prisma, user, new Date("2026-11-28T09:00:00.000Z"))).toMatchObject({ pastDue: true, overdue: false });

    await asReviewWrite(db.prisma, user, reviewId, (tx, review, audit) => confirmAllUnchanged(tx, user, review, audit, NOW));
    await asReviewWrite(db.prisma, user, reviewId, (tx, review, audit) => submitReview(tx, user, review, audit, NOW));
    expect(await getReviewSummary(db.prisma, user, NOW)).toMatchObject({ decided: cells.length, total: cells.length, submitted: true, overdue: false });
    expect((await statusesOf("Web Platform"))["2026-W48"]).toBe("on-time");
  });
});
