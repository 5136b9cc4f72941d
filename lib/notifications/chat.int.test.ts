import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import type { Prisma } from "@/lib/db/generated/client";
import { startWebhookReceiver, type WebhookReceiver } from "@/tools/testing/webhook-receiver";
import { useTestDatabase } from "@/tools/testing/test-database";
import { notifyChannel } from "./notify";
import { deliverDue, MAX_ATTEMPTS } from "./outbox";
import { deliverTestMessage, writeTestMessage } from "./test-message";
import { setChatWebhook } from "./webhooks";

/** The chat channel end to end: a webhook set, a message written to the outbox, posted to a real HTTP server. */

const AUTH_URL = "https://tandem.acme.example";
const MINUTE = 60_000;

describe("chat delivery through a webhook", () => {
  const db = useTestDatabase();
  let receiver: WebhookReceiver;
  let adminId: number;
  let messages = 0;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    vi.stubEnv("AUTH_SECRET", "integration-secret-of-at-least-32-bytes");
    vi.stubEnv("AUTH_URL", AUTH_URL);
    vi.stubEnv("TANDEM_MAILBOX", "false");
    adminId = (await db.prisma.person.create({ data: { email: "alice@acme.example", name: "Alice Admin", role: "admin", passwordHash: "x" } })).id;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await receiver?.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.answer(200, "ok");
  });

  const asAdmin = <T>(write: (tx: Prisma.TransactionClient, audit: (entry: Omit<AuditEntry, "actorId">) => Promise<void>) => Promise<T>) =>
    db.prisma.$transaction((tx) => write(tx, (entry) => recordAudit(tx, { ...entry, actorId: adminId })));

  const setWebhook = (format: "slack" | "teams") => asAdmin((tx, audit) => setChatWebhook(tx, { teamId: null, format, url: receiver.url }, audit));

  /** A message of a kind that goes to chat, to the organisation's channel; returns its id. */
  const postHandOff = async () => {
    const dedupeKey = `handoff:${++messages}`;
    await db.prisma.$transaction((tx) =>
      notifyChannel(tx, { kind: "handoff_received", teamId: null, dedupeKey, title: "Hand-off received", body: "Web Platform handed 3 cells to Brand & Content.", link: "/review/12" }),
    );
    return (await db.prisma.notification.findUniqueOrThrow({ where: { dedupeKey } })).id;
  };

  it("posts Slack's blocks, with the absolute link, and records the delivery as sent", async () => {
    await setWebhook("slack");
    const id = await postHandOff();
    expect(await deliverDue(db.prisma, { onlyNotificationIds: [id] })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    const [post] = receiver.received;
    expect(post!.path).toBe(new URL(receiver.url).pathname);
    expect(post!.contentType).toBe("application/json");
    expect(post!.body).toMatchObject({
      text: `Hand-off received: ${AUTH_URL}/review/12`,
      blocks: [{ type: "header" }, { type: "section", text: { type: "mrkdwn", text: "Web Platform handed 3 cells to Brand &amp; Content." } }, { type: "actions", elements: [{ url: `${AUTH_URL}/review/12` }] }],
    });
    expect(await db.prisma.delivery.findFirstOrThrow({ where: { notificationId: id } })).toMatchObject({ channel: "chat", status: "sent", attempts: 1, lastError: null });
  });

  it("posts Teams' Adaptive Card once the webhook is replaced by a Teams one", async () => {
    await setWebhook("teams");
    const id = await postHandOff();
    await deliverDue(db.prisma, { onlyNotificationIds: [id] });
    expect(receiver.received[0]!.body).toMatchObject({
      type: "message",
      attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: { type: "AdaptiveCard", actions: [{ type: "Action.OpenUrl", url: `${AUTH_URL}/review/12` }] } }],
    });
  });

  it("retries a 500 with growing pauses, then gives up after MAX_ATTEMPTS with the answer as its error, never the URL", async () => {
    await setWebhook("slack");
    receiver.answer(500, `internal_error ${"x".repeat(300)}`);
    const id = await postHandOff();
    const start = Date.now();
    // Not due again before its pause: a run a second later sends nothing.
    await deliverDue(db.prisma, { now: new Date(start), onlyNotificationIds: [id] });
    expect(await deliverDue(db.prisma, { now: new Date(start + 1000), onlyNotificationIds: [id] })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await db.prisma.delivery.findFirstOrThrow({ where: { notificationId: id } })).toMatchObject({ status: "queued", attempts: 1 });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) await deliverDue(db.prisma, { now: new Date(start + attempt * 10 * MINUTE), onlyNotificationIds: [id] });
    expect(receiver.received).toHaveLength(MAX_ATTEMPTS);
    const delivery = await db.prisma.delivery.findFirstOrThrow({ where: { notificationId: id } });
    expect(delivery).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(delivery.lastError).toBe(`The chat service answered 500: internal_error ${"x".repeat(185)}`);
    expect(delivery.lastError).not.toContain("127.0.0.1");
    // Given up: no further attempt, however late.
    await deliverDue(db.prisma, { now: new Date(start + 24 * 60 * MINUTE), onlyNotificationIds: [id] });
    expect(receiver.received).toHaveLength(MAX_ATTEMPTS);
  });

  it("fails clearly, without the URL, when nothing answers at the address", async () => {
    const closed = await startWebhookReceiver();
    await closed.close();
    await asAdmin((tx, audit) => setChatWebhook(tx, { teamId: null, format: "slack", url: closed.url }, audit));
    const id = await postHandOff();
    await deliverDue(db.prisma, { onlyNotificationIds: [id] });
    const delivery = await db.prisma.delivery.findFirstOrThrow({ where: { notificationId: id } });
    expect(delivery).toMatchObject({ status: "queued", attempts: 1, lastError: "The chat service could not be reached (ECONNREFUSED)." });
  });

  it("sends a test to the chat webhook at once and says it was sent", async () => {
    const webhook = await setWebhook("slack");
    const { notificationId } = await asAdmin((tx, audit) => writeTestMessage(tx, adminId, { to: "chat", webhookId: webhook.id }, audit));
    expect(await deliverTestMessage(notificationId, db.prisma)).toEqual([{ channel: "chat", status: "sent", detail: null }]);
    expect(receiver.received[0]!.body).toMatchObject({ blocks: [{ text: { text: "Test message from Tandem" } }, {}, { elements: [{ url: `${AUTH_URL}/settings/notifications` }] }] });
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "notification.test-sent" }, orderBy: { id: "desc" } });
    expect(event.after).toEqual({ to: "the organisation", urlHint: "127.0.0.1:" + new URL(receiver.url).port + "/…a1b2" });
  });

  it("sends a test to oneself in the app, and says mail is not configured when it is not", async () => {
    const { notificationId } = await asAdmin((tx, audit) => writeTestMessage(tx, adminId, { to: "me" }, audit));
    expect(await deliverTestMessage(notificationId, db.prisma)).toEqual([
      { channel: "in-app", status: "sent", detail: null },
      { channel: "mail", status: "not-configured", detail: "Set SMTP_URL to send mail." },
    ]);
    expect(await db.prisma.notification.findUniqueOrThrow({ where: { id: notificationId } })).toMatchObject({ personId: adminId, kind: "test", inApp: true });
  });
});
