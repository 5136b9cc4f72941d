import "server-only";
import { readEnvironment, type Environment } from "@/lib/config/environment";
import { getPrisma, type Db } from "@/lib/db/client";
import type { ComposedMail } from "./compose";

/**
 * The mailbox: a copy of every message Tandem sends, kept in the database when TANDEM_MAILBOX is true
 * (the embedded demo turns it on, so admins can read mail that never left the machine, and follow an
 * invitation's link). Only the latest messages are kept: it is a window on recent mail, not an archive.
 */
export const MAILBOX_SIZE = 500;

export interface MailboxEntry {
  id: number;
  to: string;
  subject: string;
  createdAt: Date;
}

export interface MailboxMessage extends MailboxEntry {
  text: string;
  html: string;
}

export function mailboxIsOn(environment: Environment = readEnvironment()): boolean {
  return environment.TANDEM_MAILBOX === true;
}

/** Stores a copy of the message, then forgets the ones older than the latest MAILBOX_SIZE. */
export async function keepInMailbox(prisma: Db, message: ComposedMail): Promise<void> {
  const { to, subject, text, html } = message;
  await prisma.mailboxMessage.create({ data: { to, subject, text, html } });
  // Ids grow with time, so the oldest kept message is the MAILBOX_SIZE-th highest id.
  const oldestKept = await prisma.mailboxMessage.findFirst({ orderBy: { id: "desc" }, skip: MAILBOX_SIZE - 1, select: { id: true } });
  if (oldestKept) await prisma.mailboxMessage.deleteMany({ where: { id: { lt: oldestKept.id } } });
}

/** The newest messages first, without their bodies: what the mailbox's list shows. */
export async function listMailboxMessages(prisma: Db, { limit }: { limit: number }): Promise<MailboxEntry[]> {
  return prisma.mailboxMessage.findMany({ orderBy: { id: "desc" }, take: limit, select: { id: true, to: true, subject: true, createdAt: true } });
}

export async function getMailboxMessage(prisma: Db, id: number): Promise<MailboxMessage | null> {
  return prisma.mailboxMessage.findUnique({ where: { id } });
}

/** The messages one page lists; older ones stay in the mailbox, up to MAILBOX_SIZE, and go from there. */
const MAILBOX_PAGE = 100;

/** What Settings -> Mailbox shows: the list of the newest messages, and the message chosen by its id (null when none or gone). */
export async function readMailbox(selectedId: number | null, prisma: Db = getPrisma()): Promise<{ messages: MailboxEntry[]; selected: MailboxMessage | null }> {
  const [messages, selected] = await Promise.all([
    listMailboxMessages(prisma, { limit: MAILBOX_PAGE }),
    selectedId === null ? null : getMailboxMessage(prisma, selectedId),
  ]);
  return { messages, selected };
}
