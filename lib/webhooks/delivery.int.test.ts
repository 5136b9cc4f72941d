import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { deliverDue, MAX_ATTEMPTS } from "@/lib/notifications/outbox";
import { startWebhookReceiver, type WebhookReceiver } from "@/tools/testing/webhook-receiver";
import { useTestDatabase } from "@/tools/testing/test-database";
import { emitWebhookEvents, findSubscribers } from "./emit";
import { createWebhookEndpoint, deleteWebhookEndpoint, rollWebhookSecret, updateWebhookEndpoint, writeTestEvent } from "./endpoints";
import type { WebhookEventType } from "./event-types";
import { deliverTestEvent, readWebhookLog } from "./queries";

/**
 * Webhooks end to end on a real HTTP receiver: an endpoint registered, events written to the outbox, signed,
 * POSTed and verified with the `standardwebhooks` library, retried, refused for private addresses.
 */

const MINUTE = 60_000;

describe("webhook delivery", () => {
  const db = useTestDatabase();
  let receiver: WebhookReceiver;
  let adminId: number;

  beforeAll(async () => {
    receiver = await startWebhookReceiver("/hooks/tandem");
    vi.stubEnv("AUTH_SECRET", "integration-secret-of-at-least-32-bytes");
    vi.stubEnv("TANDEM_WEBHOOKS_ALLOW_PRIVATE", "true");
    adminId = (await db.prisma.person.create({ data: { email: "alice@acme.example", name: "Alice Admin", role: "admin", passwordHash: "x" } })).id;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await receiver?.close();
  });
  beforeEach(async () => {
    receiver.received.length = 0;
    receiver.answer(200, "ok");
    vi.stubEnv("TANDEM_WEBHOOKS_ALLOW_PRIVATE", "true");
    // Each case starts with no endpoint and an empty outbox.
    await db.prisma.delivery.deleteMany({});
    await db.prisma.webhookEvent.deleteMany({});
    await db.prisma.webhookEndpoint.deleteMany({});
  });

  const asAdmin = <T>(write: (tx: Prisma.TransactionClient, audit: (entry: Omit<AuditEntry, "actorId">) => Promise<void>) => Promise<T>) =>
    db.prisma.$transaction((tx) => write(tx, (entry) => recordAudit(tx, { ...entry, actorId: adminId })));
  const register = (events: WebhookEventType[], url = receiver.url) => asAdmin((tx, audit) => createWebhookEndpoint(tx, { url, description: "Chat bot", events }, audit));
  /** Emits events as a write would, in its own transaction. */
  const emit = (...types: WebhookEventType[]) =>
    db.prisma.$transaction(async (tx) => emitWebhookEvents(tx, await findSubscribers(tx, types), types.map((type) => ({ type, data: { asset_key: "web-main", concern_key: "content" } })), new Date()));

  it("signs each delivery as Standard Webhooks says, verified by the library with the secret shown once", async () => {
    const { secret } = await register(["cell.changed"]);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await emit("cell.changed");
    expect(await deliverDue(db.prisma)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [post] = receiver.received;
    expect(post!.headers["content-type"]).toBe("application/json");
    expect(post!.headers["webhook-id"]).toMatch(/^msg_[\w-]{22}$/);
    const verified = new Webhook(secret).verify(post!.rawBody, post!.headers);
    expect(verified).toMatchObject({ type: "cell.changed", data: { asset_key: "web-main", concern_key: "content" } });
    expect(new Date((verified as { timestamp: string }).timestamp).getTime()).toBeLessThanOrEqual(Date.now());
    // Another secret does not verify it, nor does an altered body.
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString("base64")}`).verify(post!.rawBody, post!.headers)).toThrow();
    expect(() => new Webhook(secret).verify(post!.rawBody.replace("web-main", "web-evil"), post!.headers)).toThrow();
    // The secret is stored sealed, nowhere in the clear, and its hint is its end.
    const stored = await db.prisma.webhookEndpoint.findFirstOrThrow();
    expect(stored.secretCiphertext).not.toContain(secret.slice(6, 20));
    expect(stored.secretHint).toBe(`whsec_…${secret.slice(-4)}`);
    expect(JSON.stringify(await db.prisma.auditEvent.findMany())).not.toContain(secret.slice(6));
  });

  it("retries after a 500, keeping the status and the answer, then sends with the same webhook-id", async () => {
    const { secret } = await register(["gap.opened"]);
    await emit("gap.opened");
    receiver.answer(500, "receiver is down");
    const start = new Date();
    expect(await deliverDue(db.prisma, { now: start })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [log] = await readWebhookLog(db.prisma);
    expect(log).toMatchObject({ type: "gap.opened", status: "retrying", attempts: 1, lastError: "The endpoint answered 500: receiver is down" });
    // Not before its pause of a minute.
    expect(await deliverDue(db.prisma, { now: new Date(start.getTime() + MINUTE / 2) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    receiver.answer(204);
    expect(await deliverDue(db.prisma, { now: new Date(start.getTime() + MINUTE) })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.headers["webhook-id"]).toBe(receiver.received[0]!.headers["webhook-id"]);
    expect(() => new Webhook(secret).verify(receiver.received[1]!.rawBody, receiver.received[1]!.headers)).not.toThrow();
    expect((await readWebhookLog(db.prisma))[0]).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("gives up after the last attempt with the error kept", async () => {
    await register(["gap.closed"]);
    await emit("gap.closed");
    receiver.answer(404, "no such hook");
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverDue(db.prisma, { now });
      now = new Date(now.getTime() + 10 * MINUTE);
    }
    expect((await readWebhookLog(db.prisma))[0]).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastError: "The endpoint answered 404: no such hook" });
  });

  it("writes nothing for a type no endpoint subscribes to, and nothing for a disabled endpoint", async () => {
    const { id } = await register(["review.submitted"]);
    await emit("cell.changed", "handoff.created");
    expect(await db.prisma.webhookEvent.count()).toBe(0);
    await asAdmin((tx, audit) => updateWebhookEndpoint(tx, id, { url: receiver.url, description: "", events: ["review.submitted"], enabled: false }, audit));
    await emit("review.submitted");
    expect(await db.prisma.webhookEvent.count()).toBe(0);
    expect(await deliverDue(db.prisma)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(0);
  });

  it("delivers an event to each endpoint subscribed to its type, and only to those", async () => {
    const second = await startWebhookReceiver("/other");
    try {
      await register(["person.deactivated"]);
      await register(["person.deactivated", "gap.opened"], second.url);
      await register(["gap.closed"]);
      await emit("person.deactivated", "gap.opened");
      expect(await deliverDue(db.prisma)).toEqual({ sent: 3, retrying: 0, failed: 0 });
      expect(receiver.received.map((post) => (post.body as { type: string }).type)).toEqual(["person.deactivated"]);
      expect(second.received.map((post) => (post.body as { type: string }).type).sort()).toEqual(["gap.opened", "person.deactivated"]);
    } finally {
      await second.close();
    }
  });

  it("keeps delivering to others while one endpoint is slow to answer", async () => {
    const fast = await startWebhookReceiver("/fast");
    try {
      await register(["gap.opened"]);
      await register(["gap.closed"], fast.url);
      await emit("gap.opened");
      await emit("gap.closed");
      const release = receiver.hold();
      const delivering = deliverDue(db.prisma);
      // The fast endpoint gets its event while the slow one still has not answered.
      await vi.waitFor(() => expect(fast.received).toHaveLength(1), { timeout: 5_000 });
      expect(receiver.received).toHaveLength(1);
      release();
      expect(await delivering).toEqual({ sent: 2, retrying: 0, failed: 0 });
    } finally {
      await fast.close();
    }
  });

  it("refuses loopback, private and other non-public addresses when saved, and at delivery, unless allowed", async () => {
    vi.stubEnv("TANDEM_WEBHOOKS_ALLOW_PRIVATE", "false");
    for (const url of [receiver.url, "http://10.1.2.3/hook", "http://[::1]/hook", "http://[::ffff:192.168.1.1]/hook", "http://169.254.169.254/latest", "http://100.64.0.1/", "http://localhost:9/x"]) {
      const error = await register(["cell.changed"], url).catch((e: unknown) => e);
      expect(error, url).toBeInstanceOf(AppError);
      expect((error as AppError).details.fieldErrors?.url?.[0], url).toMatch(/public addresses only/);
    }
    expect(await db.prisma.webhookEndpoint.count()).toBe(0);
    // Saved while allowed, then delivered after it is no longer: refused at the connection, never sent.
    vi.stubEnv("TANDEM_WEBHOOKS_ALLOW_PRIVATE", "true");
    await register(["cell.changed"]);
    await register(["cell.changed"], receiver.url.replace("127.0.0.1", "localhost"));
    await emit("cell.changed");
    vi.stubEnv("TANDEM_WEBHOOKS_ALLOW_PRIVATE", "false");
    expect(await deliverDue(db.prisma)).toEqual({ sent: 0, retrying: 2, failed: 0 });
    expect(receiver.received).toHaveLength(0);
    expect((await readWebhookLog(db.prisma)).map((entry) => entry.lastError).sort()).toEqual([
      "127.0.0.1 is not a public address.",
      expect.stringMatching(/^Refused: localhost resolves to a non-public address/),
    ]);
  });

  it("sends a test event to one endpoint now; a rolled secret signs from then on; a deleted endpoint takes its log", async () => {
    const { id, secret } = await register(["gap.closed"]);
    const { webhookEventId } = await asAdmin((tx, audit) => writeTestEvent(tx, id, audit));
    expect(await deliverTestEvent(webhookEventId, db.prisma)).toEqual({ status: "sent", detail: null });
    expect(new Webhook(secret).verify(receiver.received[0]!.rawBody, receiver.received[0]!.headers)).toMatchObject({ type: "webhook.test" });
    const rolled = await asAdmin((tx, audit) => rollWebhookSecret(tx, id, audit));
    expect(rolled.secret).not.toBe(secret);
    const again = await asAdmin((tx, audit) => writeTestEvent(tx, id, audit));
    await deliverTestEvent(again.webhookEventId, db.prisma);
    expect(() => new Webhook(secret).verify(receiver.received[1]!.rawBody, receiver.received[1]!.headers)).toThrow();
    expect(new Webhook(rolled.secret).verify(receiver.received[1]!.rawBody, receiver.received[1]!.headers)).toMatchObject({ type: "webhook.test" });
    await asAdmin((tx, audit) => deleteWebhookEndpoint(tx, id, audit));
    expect(await readWebhookLog(db.prisma)).toEqual([]);
    expect(await db.prisma.webhookEvent.count()).toBe(0);
  });
});
