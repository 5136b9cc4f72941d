import "server-only";
import { getPrisma, type Db } from "@/lib/db/client";
import type { DeliveryLogStatus } from "@/lib/notifications/delivery-log";
import { deliverDue } from "@/lib/notifications/outbox";

/** What Settings -> Webhooks reads: the endpoints, their latest deliveries, and a test event's outcome. */

export interface EndpointView {
  id: number;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  secretHint: string;
}

export interface WebhookDeliveryEntry {
  id: number;
  endpointId: number;
  createdAt: Date;
  sentAt: Date | null;
  type: string;
  messageId: string;
  status: DeliveryLogStatus;
  attempts: number;
  /** The HTTP status and start of the answer, or why there was none. */
  lastError: string | null;
}

export const WEBHOOK_LOG_SIZE = 50;

export async function listWebhookEndpoints(db: Db = getPrisma()): Promise<EndpointView[]> {
  return db.webhookEndpoint.findMany({
    orderBy: { id: "asc" },
    select: { id: true, url: true, description: true, events: true, enabled: true, secretHint: true },
  });
}

/** The latest deliveries of every endpoint, newest first; one waiting for its next try is "retrying". */
export async function readWebhookLog(db: Db = getPrisma(), limit = WEBHOOK_LOG_SIZE): Promise<WebhookDeliveryEntry[]> {
  const rows = await db.delivery.findMany({
    where: { channel: "webhook" },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, target: true, createdAt: true, sentAt: true, status: true, attempts: true, lastError: true, webhookEvent: { select: { type: true, messageId: true } } },
  });
  return rows.map(({ target, webhookEvent, status, ...row }) => ({
    ...row,
    endpointId: Number(target),
    type: webhookEvent?.type ?? "",
    messageId: webhookEvent?.messageId ?? "",
    status: status === "queued" && row.attempts > 0 ? "retrying" : status,
  }));
}

export interface TestEventOutcome {
  status: "sent" | "retrying" | "failed";
  detail: string | null;
}

/** Delivers a test event now, through the real outbox and sender, and says what became of it. */
export async function deliverTestEvent(webhookEventId: number, db: Db = getPrisma()): Promise<TestEventOutcome> {
  await deliverDue(db, { onlyWebhookEventIds: [webhookEventId] });
  const delivery = await db.delivery.findFirstOrThrow({ where: { webhookEventId }, select: { status: true, lastError: true } });
  return { status: delivery.status === "sent" ? "sent" : delivery.status === "failed" ? "failed" : "retrying", detail: delivery.lastError };
}
