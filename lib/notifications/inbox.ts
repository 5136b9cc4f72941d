import "server-only";
import type { AuditEntry } from "@/lib/audit/record";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { anySignedIn } from "@/lib/auth/policy";
import type { DataPolicy } from "@/lib/auth/write-policy";
import { getPrisma, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

/**
 * The in-app inbox: the messages written for a person with `inApp` (lib/notifications/notify.ts). Ownership is
 * always part of the query's `where`: a person reads and marks only their own messages.
 */

type Tx = Prisma.TransactionClient;
type Audit = (entry: Omit<AuditEntry, "actorId">) => Promise<void>;

export const INBOX_PAGE_SIZE = 50;

const inboxOf = (personId: number) => ({ personId, inApp: true }) satisfies Prisma.NotificationWhereInput;

/** The bell's number: one count on the (personId, inApp, createdAt) index, for every page the shell renders. */
export function countUnread(personId: number, db: Db = getPrisma()): Promise<number> {
  return db.notification.count({ where: { ...inboxOf(personId), readAt: null } });
}

export interface InboxMessage {
  id: number;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
  read: boolean;
}

export interface InboxPage {
  messages: InboxMessage[];
  total: number;
  unread: number;
  page: number;
}

/** One page of the person's messages, newest first. */
export async function listInbox(personId: number, page: number, db: Db = getPrisma()): Promise<InboxPage> {
  const [rows, total, unread] = await Promise.all([
    db.notification.findMany({
      where: inboxOf(personId),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * INBOX_PAGE_SIZE,
      take: INBOX_PAGE_SIZE,
      select: { id: true, title: true, body: true, link: true, createdAt: true, readAt: true },
    }),
    db.notification.count({ where: inboxOf(personId) }),
    countUnread(personId, db),
  ]);
  // Links are written by Tandem itself; still, the inbox only ever opens a path of this site.
  return { messages: rows.map(({ readAt, link, ...message }) => ({ ...message, link: safeCallbackPath(link), read: readAt !== null })), total, unread, page };
}


/**
 * A message of the signed-in person's, locked for the write. Someone else's answers 404, as a message that does
 * not exist does: a forged id learns nothing about other people's inboxes.
 */
export const ownNotification: DataPolicy<{ id: number; readAt: Date | null }, { id: string }> = {
  role: anySignedIn,
  authorize: async ({ user, params, tx }) => {
    // Digits only, within an int column's range: anything else is no message's id.
    const id = /^\d{1,9}$/.test(params.id) ? Number(params.id) : null;
    const [row] = id !== null
      ? await tx.$queryRaw<{ id: number; readAt: Date | null }[]>`
          SELECT id, "readAt" FROM "Notification" WHERE id = ${id} AND "personId" = ${user.id} AND "inApp" FOR UPDATE`
      : [];
    if (!row) throw new AppError("not-found", "This message does not exist, or is not yours.");
    return row;
  },
};

/** Marks one message read; a message read already stays as it was (its first reading is kept). */
export async function markRead(tx: Tx, notification: { id: number; readAt: Date | null }, audit: Audit, now = new Date()): Promise<{ id: number; readAt: Date }> {
  if (notification.readAt) return { id: notification.id, readAt: notification.readAt };
  await tx.notification.update({ where: { id: notification.id }, data: { readAt: now } });
  await audit({ action: "notification.read", entityType: "notification", entityId: notification.id, after: { readAt: now } });
  return { id: notification.id, readAt: now };
}

/** Marks every unread message of the person read; returns how many were. */
export async function markAllRead(tx: Tx, personId: number, audit: Audit, now = new Date()): Promise<{ marked: number }> {
  const { count } = await tx.notification.updateMany({ where: { ...inboxOf(personId), readAt: null }, data: { readAt: now } });
  if (count > 0) await audit({ action: "notification.all-read", entityType: "person", entityId: personId, after: { marked: count, readAt: now } });
  return { marked: count };
}
