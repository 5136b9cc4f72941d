import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { AuditEntry } from "@/lib/audit/record";
import { getPrisma, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { mailIsConfigured } from "@/lib/mail/deliver";
import { mailboxIsOn } from "@/lib/mail/mailbox";
import { notifyChannel, notifyPeople } from "./notify";
import { deliverDue } from "./outbox";

/**
 * "Send a test" of Settings -> Notifications: a message of kind "test" (no preference stops it) written like any
 * other, to the admin themself (in the app and by mail) or to one chat webhook, then delivered at once, once
 * the write has committed, so the admin reads what happened to it: the real outbox, the real sender.
 */

type Tx = Prisma.TransactionClient;
type Audit = (entry: Omit<AuditEntry, "actorId">) => Promise<void>;

export const sendTestSchema = z.discriminatedUnion("to", [
  z.object({ to: z.literal("me") }),
  z.object({ to: z.literal("chat"), webhookId: z.number({ error: "Choose a webhook." }).int().positive("Choose a webhook.") }),
]);

export type SendTestInput = z.output<typeof sendTestSchema>;

const LINK = "/settings/notifications";

export async function writeTestMessage(tx: Tx, personId: number, input: SendTestInput, audit: Audit): Promise<{ notificationId: number }> {
  const dedupeKey = `test:${randomUUID()}`;
  const title = "Test message from Tandem";
  let after: Record<string, string>;
  if (input.to === "me") {
    const body = "An admin sent this from Settings -> Notifications to check that Tandem's messages reach you.";
    if ((await notifyPeople(tx, [{ kind: "test", personId, dedupeKey, title, body, link: LINK }])) === 0) throw new AppError("invalid", "You cannot receive messages.");
    after = { to: "me" };
  } else {
    const webhook = await tx.chatWebhook.findUnique({ where: { id: input.webhookId }, select: { teamId: true, urlHint: true, team: { select: { name: true } } } });
    if (!webhook) throw new AppError("not-found", "That chat webhook no longer exists.");
    const destination = webhook.team?.name ?? "the organisation";
    const body = `An admin sent this from Settings -> Notifications to check that Tandem's messages reach the chat channel of ${destination}.`;
    await notifyChannel(tx, { kind: "test", teamId: webhook.teamId, dedupeKey, title, body, link: LINK });
    after = { to: destination, urlHint: webhook.urlHint };
  }
  const { id } = await tx.notification.findUniqueOrThrow({ where: { dedupeKey }, select: { id: true } });
  await audit({ action: "notification.test-sent", entityType: "notification", entityId: id, after });
  return { notificationId: id };
}

export interface TestOutcome {
  channel: "in-app" | "mail" | "chat";
  status: "sent" | "failed" | "retrying" | "not-configured";
  detail: string | null;
}

/** Delivers the test message now and says what became of it on each channel. */
export async function deliverTestMessage(notificationId: number, db: Db = getPrisma()): Promise<TestOutcome[]> {
  await deliverDue(db, { onlyNotificationIds: [notificationId] });
  const notification = await db.notification.findUniqueOrThrow({
    where: { id: notificationId },
    select: { personId: true, inApp: true, deliveries: { select: { channel: true, status: true, lastError: true } } },
  });
  const outcomes: TestOutcome[] = notification.deliveries.flatMap(({ channel, status, lastError }) =>
    channel === "webhook"
      ? []
      : [
          {
            channel,
            status: status === "sent" ? "sent" : status === "failed" ? "failed" : "retrying",
            detail: channel === "mail" && status === "sent" && !mailIsConfigured() ? "Kept in Settings -> Mailbox: SMTP_URL is not set." : lastError,
          },
        ],
  );
  if (notification.personId === null) return outcomes;
  const mail = notification.deliveries.some((delivery) => delivery.channel === "mail")
    ? []
    : [{ channel: "mail" as const, status: "not-configured" as const, detail: mailboxIsOn() ? null : "Set SMTP_URL to send mail." }];
  return [{ channel: "in-app", status: notification.inApp ? "sent" : "failed", detail: null }, ...outcomes, ...mail];
}
