import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { fingerprintThrough } from "@/tools/testing/fingerprint";
import { asReviewWrite, asWrite, NOW, seedReviewFixture, type ReviewFixture } from "@/tools/testing/review-fixture";
import { useTestDatabase } from "@/tools/testing/test-database";
import { openWeekReview } from "./cycles";
import { isoWeekOf } from "./iso-week";
import { decideItem } from "./item-actions";
import { getReviewScreen } from "./screen";

const app = vi.hoisted(() => ({ prisma: null as Db | null }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getPrisma: () => app.prisma,
}));

describe("the review screen of a week nobody has written to yet", () => {
  const db = useTestDatabase();
  let fixture: ReviewFixture;
  let client: pg.Client;
  let manager: CurrentUser;

  beforeAll(async () => {
    app.prisma = db.prisma;
    fixture = await seedReviewFixture(db.prisma);
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    // The demo seeds this week's drafts of some teams: Web Platform's is removed, so that nobody has opened it.
    await db.prisma.review.deleteMany({ where: { teamId: fixture.teamId["Web Platform"], cycle: { isoWeek: isoWeekOf(NOW, "UTC") } } });
    manager = { ...fixture.users.itManager, email: "it.manager@example.org", name: "IT manager", teamName: "Web Platform" } as CurrentUser;
  });
  afterAll(() => client.end());

  it("shows the team's scope to decide, and reading it writes nothing", async () => {
    const before = await fingerprintThrough(client);
    const screen = await getReviewScreen(manager, {}, NOW);
    expect(await fingerprintThrough(client)).toEqual(before);
    if (screen.kind !== "review" || screen.view.kind !== "board") throw new Error(`expected the working board, got ${screen.kind}`);
    const { header, cells } = screen.view.board;
    expect(header).toMatchObject({ id: null, status: "draft", isoWeek: isoWeekOf(NOW, "UTC"), editable: true, team: { name: "Web Platform" } });
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((cell) => cell.item === null)).toBe(true);
  });

  it("is created by its first write, which the next reading shows", async () => {
    const { id } = await asWrite(db.prisma, fixture.users.itManager, (tx, audit) =>
      openWeekReview(tx, fixture.users.itManager, { teamId: fixture.teamId["Web Platform"]!, isoWeek: isoWeekOf(NOW, "UTC") }, audit, NOW),
    );
    const first = (await getReviewScreen(manager, {}, NOW)) as Extract<Awaited<ReturnType<typeof getReviewScreen>>, { kind: "review" }>;
    if (first.view.kind !== "board") throw new Error("expected the working board");
    const cell = first.view.board.cells[0]!;
    await asReviewWrite(db.prisma, fixture.users.itManager, id, (tx, review, audit) =>
      decideItem(tx, fixture.users.itManager, review, { assetKey: cell.assetKey, concernKey: cell.concernKey, decision: "confirm", note: null }, audit, NOW),
    );
    const again = (await getReviewScreen(manager, {}, NOW)) as typeof first;
    if (again.view.kind !== "board") throw new Error("expected the working board");
    expect(again.view.board.header.id).toBe(id);
    expect(again.view.board.cells.find((c) => c.key === cell.key)?.item?.decision).toBe("confirm");
  });

  it("names as its manager the first manager who decides on a review an admin started", async () => {
    const team = fixture.teamId["Web Platform"]!;
    const week = { teamId: team, isoWeek: isoWeekOf(NOW, "UTC") };
    await db.prisma.review.deleteMany({ where: { teamId: team, cycle: { isoWeek: week.isoWeek } } });
    const { id } = await asWrite(db.prisma, fixture.users.admin, (tx, audit) => openWeekReview(tx, fixture.users.admin, week, audit, NOW));
    expect((await db.prisma.review.findUniqueOrThrow({ where: { id } })).managerId).toBeNull();
    const screen = (await getReviewScreen(manager, {}, NOW)) as Extract<Awaited<ReturnType<typeof getReviewScreen>>, { kind: "review" }>;
    if (screen.view.kind !== "board") throw new Error("expected the working board");
    const cell = screen.view.board.cells[0]!;
    await asReviewWrite(db.prisma, fixture.users.itManager, id, (tx, review, audit) =>
      decideItem(tx, fixture.users.itManager, review, { assetKey: cell.assetKey, concernKey: cell.concernKey, decision: "confirm", note: null }, audit, NOW),
    );
    expect((await db.prisma.review.findUniqueOrThrow({ where: { id } })).managerId).toBe(fixture.users.itManager.id);
  });

  it("refuses to open a review of a week other than this one or the last", async () => {
    await expect(
      asWrite(db.prisma, fixture.users.itManager, (tx, audit) =>
        openWeekReview(tx, fixture.users.itManager, { teamId: fixture.teamId["Web Platform"]!, isoWeek: "2026-W30" }, audit, NOW),
      ),
    ).rejects.toThrow(/Only this week's review/);
  });
});
