import type { NotificationKind, Prisma } from "@/lib/db/generated/client";
import { mailGoesSomewhere } from "@/lib/mail/deliver";
import { KINDS, type ConfigurableKind } from "./kinds";
import { loadPreferences } from "./preferences";

type Tx = Prisma.TransactionClient;

/**
 * Writing messages, in the transaction of what causes them: the message (the person's inbox) and its deliveries
 * (the outbox) exist exactly when the event does. Each message has a key naming what it is about ("week-opened:
 * 2026-W50:person:12"); a message whose key exists already is not written again, so an event or a job that runs
 * twice (a retry, a second instance, `run-due` played twice) tells nobody anything twice.
 */

export interface PersonMessage {
  kind: ConfigurableKind | "test";
  personId: number;
  dedupeKey: string;
  title: string;
  /** Plain text; paragraphs separated by a blank line. */
  body: string;
  /** The path of the exact screen the message is about. */
  link: string;
  details?: Prisma.InputJsonValue;
  /** Not mailed before this (a batch's window). */
  notBefore?: Date;
}

/**
 * Writes each message its person wants on some channel (preferences), to active people who sign in; returns how
 * many were new. A test message goes on both channels whatever the preferences.
 */
export async function notifyPeople(tx: Tx, messages: readonly PersonMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  const ids = [...new Set(messages.map((message) => message.personId))];
  const [people, wants] = await Promise.all([
    tx.person.findMany({ where: { id: { in: ids }, deactivatedAt: null, role: { not: "none" } }, select: { id: true, email: true } }),
    loadPreferences(tx, ids),
  ]);
  const emailOf = new Map(people.map((person) => [person.id, person.email]));
  const wanted = messages.flatMap((message) => {
    const email = emailOf.get(message.personId);
    if (!email) return [];
    const inApp = message.kind === "test" || wants(message.personId, message.kind, "in-app");
    const mail = mailGoesSomewhere() && (message.kind === "test" || wants(message.personId, message.kind, "mail"));
    return inApp || mail ? [{ message, email, inApp, mail }] : [];
  });
  if (wanted.length === 0) return 0;
  const created = await tx.notification.createManyAndReturn({
    data: wanted.map(({ message, inApp }) => ({
      kind: message.kind as NotificationKind,
      personId: message.personId,
      dedupeKey: message.dedupeKey,
      title: message.title,
      body: message.body,
      link: message.link,
      details: message.details ?? {},
      inApp,
    })),
    skipDuplicates: true,
    select: { id: true, dedupeKey: true },
  });
  const byKey = new Map(wanted.map((entry) => [entry.message.dedupeKey, entry]));
  const deliveries = created.flatMap(({ id, dedupeKey }) => {
    const entry = byKey.get(dedupeKey)!;
    return entry.mail ? [{ notificationId: id, channel: "mail" as const, target: entry.email, notBefore: entry.message.notBefore ?? new Date() }] : [];
  });
  if (deliveries.length) await tx.delivery.createMany({ data: deliveries });
  return created.length;
}

export interface ChannelMessage {
  kind: ConfigurableKind | "test";
  /** The team whose channel it goes to; null for the organisation's. */
  teamId: number | null;
  dedupeKey: string;
  title: string;
  body: string;
  link: string;
}

/** Posts a message to a team's chat channel (or the organisation's) when one is set and the kind goes to chat. */
export async function notifyChannel(tx: Tx, message: ChannelMessage): Promise<boolean> {
  if (message.kind !== "test" && !KINDS[message.kind].chat) return false;
  const webhook = await tx.chatWebhook.findFirst({ where: { teamId: message.teamId }, select: { id: true } });
  if (!webhook) return false;
  const [created] = await tx.notification.createManyAndReturn({
    data: [{ kind: message.kind as NotificationKind, personId: null, dedupeKey: message.dedupeKey, title: message.title, body: message.body, link: message.link, inApp: false }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!created) return false;
  await tx.delivery.create({ data: { notificationId: created.id, channel: "chat", target: String(webhook.id) } });
  return true;
}
