import "server-only";
import { getPrisma, type Db } from "@/lib/db/client";
import type { DeliveryChannel } from "@/lib/db/generated/client";

/**
 * The delivery log of Settings -> Notifications: the outbox, newest first, as operators read it. A delivery
 * waiting for its next try after a failure is "retrying" (queued, with attempts made), so a failing channel
 * shows before it gives up.
 */

export const DELIVERY_LOG_PAGE_SIZE = 100;

export type DeliveryLogStatus = "queued" | "sending" | "sent" | "retrying" | "failed";

export interface DeliveryLogEntry {
  id: number;
  createdAt: Date;
  sentAt: Date | null;
  kind: string;
  title: string;
  channel: DeliveryChannel;
  /** The mail address, or the webhook's destination and hint. */
  target: string;
  status: DeliveryLogStatus;
  attempts: number;
  lastError: string | null;
}

const MESSAGES = { notificationId: { not: null } };

export async function readDeliveryLog(page: number, db: Db = getPrisma()): Promise<{ entries: DeliveryLogEntry[]; total: number }> {
  const [rows, total, webhooks] = await Promise.all([
    db.delivery.findMany({
      // The webhooks' deliveries have a log of their own, in Settings -> Webhooks.
      where: MESSAGES,
      orderBy: { id: "desc" },
      skip: (page - 1) * DELIVERY_LOG_PAGE_SIZE,
      take: DELIVERY_LOG_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        sentAt: true,
        channel: true,
        target: true,
        status: true,
        attempts: true,
        lastError: true,
        notification: { select: { kind: true, title: true } },
      },
    }),
    db.delivery.count({ where: MESSAGES }),
    // A few rows at most (one per team and the organisation's): cheaper than joining on a text target.
    db.chatWebhook.findMany({ select: { id: true, urlHint: true, team: { select: { name: true } } } }),
  ]);
  const webhookNames = new Map(webhooks.map((webhook) => [String(webhook.id), `${webhook.team?.name ?? "Organisation"} (${webhook.urlHint})`]));
  const entries = rows.flatMap(({ notification, status, ...row }) => {
    if (!notification) return [];
    const target = row.channel === "mail" ? row.target : (webhookNames.get(row.target) ?? "A removed webhook");
    return [{ ...row, kind: notification.kind, title: notification.title, target, status: status === "queued" && row.attempts > 0 ? ("retrying" as const) : status }];
  });
  return { entries, total };
}
