import type { Db } from "@/lib/db/client";
import type { DeliveryChannel } from "@/lib/db/generated/client";
import { publicLink } from "@/lib/config/public-origin";
import { composeMail } from "@/lib/mail/compose";
import { deliverMail } from "@/lib/mail/deliver";
import { sendWebhookDelivery } from "@/lib/webhooks/sender";
import { sendChatDelivery } from "./chat";
import type { ConfigurableKind } from "./kinds";
import { unsubscribeLinks } from "./unsubscribe";

/**
 * The outbox's delivery. A worker claims due deliveries (`FOR UPDATE SKIP LOCKED`: two workers never claim the
 * same one) for a lease, sends each, and records the outcome: sent; or, on failure, tried again after a growing
 * pause, up to MAX_ATTEMPTS, then failed with its error kept. A worker that dies mid-send leaves its claim to
 * expire, and another takes it over. Each mail carries a Message-ID made of its delivery's key, so a receiver
 * can tell a repeat from a new message.
 */

export const MAX_ATTEMPTS = 5;
const LEASE_MS = 2 * 60_000;
/** 1, 2, 4, 8 minutes between attempts. */
const retryPause = (attempts: number) => 60_000 * 2 ** Math.max(0, attempts - 1);

export interface ClaimedDelivery {
  id: number;
  channel: DeliveryChannel;
  target: string;
  attempts: number;
  /** The message of a mail or chat delivery; null for a webhook's. */
  notification: { id: number; kind: string; personId: number | null; title: string; body: string; link: string } | null;
  /** The event of a webhook delivery; null for a message's. */
  webhookEvent: { messageId: string; payload: unknown } | null;
}

export type SendOutcome = { status: "sent" } | { status: "failed"; error: string };
type Sender = (delivery: ClaimedDelivery, db: Db) => Promise<SendOutcome>;

async function sendMailDelivery(delivery: ClaimedDelivery, db: Db): Promise<SendOutcome> {
  const { notification } = delivery;
  if (!notification) return { status: "failed", error: "A mail delivery without its message." };
  const url = publicLink(notification.link);
  const unsubscribe = notification.personId !== null && notification.kind !== "test" ? unsubscribeLinks(notification.personId, notification.kind as ConfigurableKind) : null;
  const mail = composeMail(delivery.target, {
    subject: notification.title,
    paragraphs: notification.body.split("\n\n"),
    action: { label: "Open in Tandem", url },
    footer: unsubscribe ? [`Stop these mails: ${unsubscribe.page}`] : [],
  });
  const outcome = await deliverMail(
    {
      ...mail,
      messageId: `<delivery-${delivery.id}@tandem>`,
      ...(unsubscribe ? { headers: { "List-Unsubscribe": `<${unsubscribe.oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } } : {}),
    },
    { prisma: db },
  );
  if (outcome.status === "sent" || outcome.kept) return { status: "sent" };
  return { status: "failed", error: outcome.status === "failed" ? outcome.error : "Mail is not configured (SMTP_URL)." };
}

/** How each channel sends. */
export const SENDERS: Record<DeliveryChannel, Sender> = { mail: sendMailDelivery, chat: sendChatDelivery, webhook: sendWebhookDelivery };

/** Only the deliveries of these messages, or of these webhook events (a test sent now); every due one without. */
export interface DeliveryFilter {
  onlyNotificationIds?: readonly number[];
  onlyWebhookEventIds?: readonly number[];
}

/** Claims up to `limit` deliveries due at `now` (queued, or claimed by a worker whose lease ran out). */
export async function claimDeliveries(db: Db, now: Date, limit: number, { onlyNotificationIds, onlyWebhookEventIds }: DeliveryFilter = {}): Promise<ClaimedDelivery[]> {
  const channels = Object.keys(SENDERS);
  const rows = await db.$queryRaw<{ id: number }[]>`
    UPDATE "Delivery" SET status = 'sending', attempts = attempts + 1, "lockedUntil" = ${new Date(now.getTime() + LEASE_MS)}
    WHERE id IN (
      SELECT id FROM "Delivery"
      WHERE channel::text = ANY(${channels}) AND "notBefore" <= ${now}
        AND (status = 'queued' OR (status = 'sending' AND "lockedUntil" < ${now}))
        AND (${onlyNotificationIds ?? null}::int[] IS NULL OR "notificationId" = ANY(${onlyNotificationIds ?? null}::int[]))
        AND (${onlyWebhookEventIds ?? null}::int[] IS NULL OR "webhookEventId" = ANY(${onlyWebhookEventIds ?? null}::int[]))
      ORDER BY "notBefore", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  if (rows.length === 0) return [];
  const claimed = await db.delivery.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      channel: true,
      target: true,
      attempts: true,
      notification: { select: { id: true, kind: true, personId: true, title: true, body: true, link: true } },
      webhookEvent: { select: { messageId: true, payload: true } },
    },
  });
  return claimed;
}

/**
 * Sends this many deliveries at once. A slow receiver (a webhook endpoint that times out after 10 s, a mail
 * server after about 15 s) then holds up one lane, not everything behind it, and a claimed batch (20) is done
 * in four rounds at worst, about a minute, well within the 2-minute lease: no other worker takes it over.
 */
const SEND_CONCURRENCY = 5;

type Outcome = "sent" | "retrying" | "failed";

async function sendAndRecord(db: Db, delivery: ClaimedDelivery, now: Date): Promise<Outcome> {
  const outcome = await SENDERS[delivery.channel](delivery, db).catch((error: unknown) => ({ status: "failed" as const, error: error instanceof Error ? error.message : String(error) }));
  if (outcome.status === "sent") {
    await db.delivery.update({ where: { id: delivery.id }, data: { status: "sent", sentAt: new Date(), lockedUntil: null, lastError: null } });
    return "sent";
  }
  if (delivery.attempts >= MAX_ATTEMPTS) {
    await db.delivery.update({ where: { id: delivery.id }, data: { status: "failed", lockedUntil: null, lastError: outcome.error } });
    return "failed";
  }
  await db.delivery.update({ where: { id: delivery.id }, data: { status: "queued", lockedUntil: null, lastError: outcome.error, notBefore: new Date(now.getTime() + retryPause(delivery.attempts)) } });
  return "retrying";
}

/** Sends what was claimed, SEND_CONCURRENCY at a time, and records each outcome; returns the counts. */
export async function sendClaimed(db: Db, claimed: readonly ClaimedDelivery[], now = new Date()): Promise<{ sent: number; retrying: number; failed: number }> {
  const counts = { sent: 0, retrying: 0, failed: 0 };
  let next = 0;
  const lane = async () => {
    while (next < claimed.length) counts[await sendAndRecord(db, claimed[next++]!, now)]++;
  };
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, claimed.length) }, lane));
  return counts;
}

/** Delivers everything due at `now`, batch after batch, until nothing due is left. */
export async function deliverDue(db: Db, options: DeliveryFilter & { now?: Date } = {}): Promise<{ sent: number; retrying: number; failed: number }> {
  const now = options.now ?? new Date();
  const total = { sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const claimed = await claimDeliveries(db, now, 20, options);
    if (claimed.length === 0) return total;
    const counts = await sendClaimed(db, claimed, now);
    total.sent += counts.sent;
    total.retrying += counts.retrying;
    total.failed += counts.failed;
  }
}
