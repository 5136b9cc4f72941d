import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { startHolders, type HolderWrite } from "@/lib/ownership/holder-writes";
import { deactivatePerson } from "@/lib/people/actions";
import { seedReviewFixture, type ReviewFixture } from "@/tools/testing/review-fixture";
import { useTestDatabase } from "@/tools/testing/test-database";

/** Messages written by events, in their transaction: a holder who left, and ownership given to someone. */
describe("event messages", () => {
  const db = useTestDatabase();
  let fixture: ReviewFixture;
  beforeAll(async () => {
    vi.stubEnv("TANDEM_MAILBOX", "true");
    fixture = await seedReviewFixture(db.prisma);
  }, 60_000);
  afterAll(() => vi.unstubAllEnvs());

  it("a holder who leaves: the admins and their team's managers get the list of cells they still hold", async () => {
    const holder = await db.prisma.person.findFirstOrThrow({
      where: { role: "none", deactivatedAt: null, teamId: { not: null }, assignments: { some: { endedAt: null, role: { in: ["A", "R"] } } } },
      select: { id: true, name: true, teamId: true, _count: { select: { assignments: { where: { endedAt: null, role: { in: ["A", "R"] }, asset: { lifecycle: { not: "retired" } } } } } } },
    });
    const now = new Date();
    await db.prisma.$transaction((tx) => deactivatePerson(tx, fixture.users.admin, holder.id, now));
    const messages = await db.prisma.notification.findMany({ where: { kind: "holder_left" }, select: { personId: true, title: true, body: true, link: true } });
    const expected = await db.prisma.person.findMany({ where: { deactivatedAt: null, OR: [{ role: "admin" }, { role: "manager", teamId: holder.teamId }] }, select: { id: true } });
    expect(messages.map((message) => message.personId).sort()).toEqual(expected.map((person) => person.id).sort());
    const cells = holder._count.assignments;
    expect(messages[0]!.title).toBe(`${holder.name} left: ${cells === 1 ? "1 cell" : `${cells} cells`} without an active owner`);
    expect(messages[0]!.body.split("\n").filter((line) => line.startsWith("- "))).toHaveLength(cells);
    expect(messages[0]!.link).toBe(`/people/${holder.id}`);
    // Mail goes too (kept in the mailbox here), one per recipient.
    expect(await db.prisma.delivery.count({ where: { channel: "mail", notification: { kind: "holder_left" } } })).toBe(expected.length);
  });

  it("ownership given within one hour is one message per person, mailed when the hour ends; nobody is told of what they did themselves", async () => {
    const person = await db.prisma.person.findFirstOrThrow({ where: { role: "manager", deactivatedAt: null, id: { not: fixture.users.admin.id } }, select: { id: true } });
    const cells = await db.prisma.concernApplicability.findMany({ take: 2, select: { concernId: true, kind: { select: { assets: { take: 1, where: { lifecycle: "active" }, select: { id: true } } } } } });
    const now = new Date("2026-12-03T10:15:00Z");
    for (const [index, cell] of cells.entries()) {
      await db.prisma.$transaction(async (tx) => {
        const write: HolderWrite = {
          tx,
          audit: (entry) => recordAudit(tx, { ...entry, actorId: fixture.users.admin.id }),
          userId: fixture.users.admin.id,
          now: new Date(now.getTime() + index * 60_000),
          cell: { assetId: cell.kind.assets[0]!.id, concernId: cell.concernId, cellId: `cell-${index}` },
          reviewId: null,
        };
        await startHolders(write, [{ personId: person.id, personEmail: "x", personName: "x", role: "R" }, { personId: fixture.users.admin.id, personEmail: "y", personName: "y", role: "A" }]);
      });
    }
    const messages = await db.prisma.notification.findMany({ where: { kind: "ownership_assigned" }, include: { deliveries: true } });
    expect(messages.map((message) => message.personId)).toEqual([person.id]);
    expect(messages[0]!.title).toBe("You are now accountable or responsible for 2 cells");
    expect(messages[0]!.deliveries.map((delivery) => delivery.notBefore.toISOString())).toEqual(["2026-12-03T11:00:00.000Z"]);
  });
});
