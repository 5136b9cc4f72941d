import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import type { PolicyUser } from "@/lib/auth/policy";
import { deliverDue } from "@/lib/notifications/outbox";
import { cellEditors } from "@/lib/ownership/cell-access";
import { loadCellState } from "@/lib/ownership/cell-state";
import { editCell } from "@/lib/ownership/edit-cell";
import { deactivatePerson, reactivatePerson } from "@/lib/people/actions";
import { confirmAllUnchanged, decideItem } from "@/lib/review/item-actions";
import { submitReview } from "@/lib/review/submit";
import { authorizeAs } from "@/tools/testing/authorize";
import { createCountingClient } from "@/tools/testing/query-counter";
import {
  asReviewWrite,
  asWrite,
  NOW,
  openTeamReview,
  reviewCellsOf,
  seedReviewFixture,
  type ReviewFixture,
} from "@/tools/testing/review-fixture";
import { useTestDatabase } from "@/tools/testing/test-database";
import { startWebhookReceiver, type WebhookReceiver } from "@/tools/testing/webhook-receiver";
import { watchCells } from "./cell-watch";
import { createWebhookEndpoint } from "./endpoints";
import { WEBHOOK_EVENT_TYPES } from "./event-types";

/**
 * Each event type fired by its real write path (the matrix's cell edit, a review's submit, deactivating and
 * reactivating someone), delivered to a real receiver that verifies every signature with `standardwebhooks`.
 */

interface Received {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

describe("webhook events from the writes that cause them", () => {
  const db = useTestDatabase();
  let fixture: ReviewFixture;
  let receiver: WebhookReceiver;
  let secret: string;

  beforeAll(async () => {
    vi.stubEnv("AUTH_SECRET", "integration-secret-of-at-least-32-bytes");
    vi.stubEnv("TANDEM_WEBHOOKS_ALLOW_PRIVATE", "true");
    receiver = await startWebhookReceiver("/tandem");
    fixture = await seedReviewFixture(db.prisma);
  }, 60_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await receiver?.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
  });

  const admin = () => fixture.users.admin;
  /** Delivers the outbox and answers what the receiver got, each signature verified. */
  async function delivered(): Promise<Received[]> {
    await deliverDue(db.prisma);
    return receiver.received.map(
      (post) => new Webhook(secret).verify(post.rawBody, post.headers) as Received,
    );
  }
  const ofType = (events: Received[], type: string) =>
    events.filter((event) => event.type === type).map((event) => event.data);

  async function edit(
    assetKey: string,
    concernKey: string,
    change: { add?: { personId: number; role: "A" | "R" | "C" | "I" }[]; end?: number[] },
    now: Date,
  ) {
    const user: PolicyUser = admin();
    await db.prisma.$transaction(async (tx) => {
      const cell = await authorizeAs(cellEditors, {
        user,
        tx,
        input: undefined,
        params: { assetKey, concernKey },
      });
      await editCell(
        tx,
        user,
        cell,
        { expectedVersion: cell.version, add: change.add ?? [], end: change.end ?? [] },
        (entry) => recordAudit(tx, { ...entry, actorId: user.id }),
        now,
      );
    });
  }

  it("costs one query and writes nothing while no endpoint subscribes", async () => {
    const counting = createCountingClient(db.url);
    try {
      const person = await db.prisma.person.findFirstOrThrow({
        where: { role: "none", assignments: { some: { endedAt: null, role: "A" } } },
      });
      await counting.prisma.$transaction(async (tx) => {
        counting.reset();
        expect(
          await watchCells(
            tx,
            { heldBy: [person.id], keys: [{ assetKey: "careers-site", concernKey: "content" }] },
            NOW,
          ),
        ).toBeNull();
        expect(counting.count()).toBe(1);
      });
    } finally {
      await counting.close();
    }
    const holder = await db.prisma.assignment.findFirstOrThrow({
      where: { endedAt: null, role: "I" },
      select: { id: true, asset: { select: { key: true } }, concern: { select: { key: true } } },
    });
    await edit(holder.asset.key, holder.concern.key, { end: [holder.id] }, NOW);
    expect(await db.prisma.webhookEvent.count()).toBe(0);
  });

  it("registers an endpoint for every event type", async () => {
    const created = await asWrite(db.prisma, admin(), (tx, audit) =>
      createWebhookEndpoint(
        tx,
        { url: receiver.url, description: "All events", events: [...WEBHOOK_EVENT_TYPES] },
        audit,
      ),
    );
    secret = created.secret;
  });

  it("a cell edit: cell.changed with its holders, and the gaps it opened and closed", async () => {
    const state = await loadCellState(db.prisma, "careers-site", "content", NOW);
    const accountable = state.holders.filter((holder) => holder.role === "A");
    expect(accountable).toHaveLength(1);
    const at = new Date(NOW.getTime() + 60_000);
    await edit("careers-site", "content", { end: [accountable[0]!.assignmentId] }, at);
    const removed = await delivered();
    const [changed] = ofType(removed, "cell.changed");
    expect(changed).toMatchObject({
      asset_key: "careers-site",
      concern_key: "content",
      covered: false,
      previous_holders: expect.arrayContaining([{ person_email: accountable[0]!.personEmail, role: "A" }]),
    });
    expect((changed!.holders as { role: string }[]).some((holder) => holder.role === "A")).toBe(false);
    expect(ofType(removed, "gap.opened")).toContainEqual(
      expect.objectContaining({
        asset_key: "careers-site",
        concern_key: "content",
        gap_type: "no-accountable",
        severity: "critical",
      }),
    );
    expect(removed.every((event) => event.timestamp === at.toISOString())).toBe(true);

    receiver.received.length = 0;
    await edit(
      "careers-site",
      "content",
      { add: [{ personId: accountable[0]!.personId, role: "A" }] },
      new Date(at.getTime() + 60_000),
    );
    const restored = await delivered();
    expect(ofType(restored, "cell.changed")).toHaveLength(1);
    expect(ofType(restored, "gap.closed")).toContainEqual(
      expect.objectContaining({
        asset_key: "careers-site",
        concern_key: "content",
        gap_type: "no-accountable",
      }),
    );
    expect(ofType(restored, "gap.opened")).toEqual([]);
  });

  it("an edit that changes no gap sends cell.changed alone", async () => {
    const informed = await db.prisma.person.findFirstOrThrow({
      where: { deactivatedAt: null, role: "viewer" },
    });
    await edit(
      "careers-site",
      "content",
      { add: [{ personId: informed.id, role: "I" }] },
      new Date(NOW.getTime() + 5 * 60_000),
    );
    const events = await delivered();
    expect(events.map((event) => event.type)).toEqual(["cell.changed"]);
  });

  it("a submitted review: review.submitted, and handoff.created for the cell it hands over", async () => {
    const itManager = fixture.users.itManager;
    const webPlatform = fixture.teamId["Web Platform"]!;
    const reviewId = await openTeamReview(db.prisma, itManager, webPlatform);
    const cells = await reviewCellsOf(db.prisma, webPlatform);
    const handed = cells.find((cell) => cell.covered)!;
    await asReviewWrite(db.prisma, itManager, reviewId, (tx, review, audit) =>
      decideItem(
        tx,
        itManager,
        review,
        {
          assetKey: handed.assetKey,
          concernKey: handed.concernKey,
          decision: "handoff",
          handoffTeamId: fixture.teamId["Data Engineering"]!,
          note: "Data Engineering runs it now.",
        },
        audit,
        NOW,
      ),
    );
    await asReviewWrite(db.prisma, itManager, reviewId, (tx, review, audit) =>
      confirmAllUnchanged(tx, itManager, review, audit, NOW),
    );
    const submittedAt = new Date(NOW.getTime() + 3_600_000);
    await asReviewWrite(db.prisma, itManager, reviewId, (tx, review, audit) =>
      submitReview(tx, itManager, review, audit, submittedAt),
    );
    const events = await delivered();
    expect(ofType(events, "review.submitted")).toEqual([
      expect.objectContaining({
        review_id: reviewId,
        team: "Web Platform",
        submitted_by: "it.manager@example.org",
        submitted_at: submittedAt.toISOString(),
        handed_off: 1,
        confirmed: cells.length - 1,
      }),
    ]);
    expect(ofType(events, "handoff.created")).toEqual([
      expect.objectContaining({
        review_id: reviewId,
        asset_key: handed.assetKey,
        concern_key: handed.concernKey,
        from_team: "Web Platform",
        to_team: "Data Engineering",
      }),
    ]);
    // Every decided cell's latest decision is this review's now: the flags of earlier reviews close.
    const flaggedBefore = cells
      .filter((cell) => cell.gaps.some((gap) => gap.type === "flagged"))
      .map((cell) => `${cell.assetKey}/${cell.concernKey}`);
    expect(flaggedBefore.length).toBeGreaterThan(0);
    const closed = ofType(events, "gap.closed").filter((gap) => gap.gap_type === "flagged");
    expect(closed.map((gap) => `${gap.asset_key}/${gap.concern_key}`).sort()).toEqual(flaggedBefore.sort());
  });

  it("deactivating a holder: person.deactivated with the cells they hold, and their inactive-owner gaps; reactivating closes them", async () => {
    const holder = await db.prisma.person.findFirstOrThrow({
      where: {
        deactivatedAt: null,
        role: "none",
        assignments: {
          some: { endedAt: null, role: { in: ["A", "R"] }, asset: { lifecycle: { not: "retired" } } },
        },
      },
      select: {
        id: true,
        email: true,
        assignments: {
          where: { endedAt: null, role: { in: ["A", "R"] } },
          select: { asset: { select: { key: true, lifecycle: true } }, concern: { select: { key: true } } },
        },
      },
    });
    const leftAt = new Date();
    await asWrite(db.prisma, admin(), (tx) => deactivatePerson(tx, admin(), holder.id, leftAt));
    const events = await delivered();
    const [left] = ofType(events, "person.deactivated");
    expect(left).toMatchObject({ email: holder.email, active: false, deactivated_at: leftAt.toISOString() });
    expect(left!.held_cells).toHaveLength(holder.assignments.length);
    const inScope = new Set(
      holder.assignments
        .filter((a) => a.asset.lifecycle !== "retired")
        .map((a) => `${a.asset.key}/${a.concern.key}`),
    );
    const opened = ofType(events, "gap.opened").filter((gap) => gap.gap_type === "inactive-owner");
    expect(new Set(opened.map((gap) => `${gap.asset_key}/${gap.concern_key}`))).toEqual(inScope);
    expect(ofType(events, "cell.changed")).toEqual([]);

    receiver.received.length = 0;
    await asWrite(db.prisma, admin(), (tx) => reactivatePerson(tx, admin(), holder.id, new Date()));
    const back = await delivered();
    expect(
      new Set(
        ofType(back, "gap.closed")
          .filter((gap) => gap.gap_type === "inactive-owner")
          .map((gap) => `${gap.asset_key}/${gap.concern_key}`),
      ),
    ).toEqual(inScope);
    expect(ofType(back, "person.deactivated")).toEqual([]);
  });
});
