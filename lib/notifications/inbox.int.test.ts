import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import type { PolicyUser } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { authorizeAs } from "@/tools/testing/authorize";
import { useTestDatabase } from "@/tools/testing/test-database";
import { countUnread, INBOX_PAGE_SIZE, listInbox, markAllRead, markRead, ownNotification } from "./inbox";
import { notifyPeople, type PersonMessage } from "./notify";

/** Issue 16, item 1: the in-app inbox, its unread count, and marking read only one's own messages. */
describe("the in-app inbox", () => {
  const db = useTestDatabase();
  let counter = 0;

  beforeAll(() => {
    // No mail goes anywhere here: only the inbox is under test.
    vi.stubEnv("TANDEM_MAILBOX", "false");
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  const newPerson = () => db.prisma.person.create({ data: { email: `inbox-${++counter}@example.org`, name: `Inbox ${counter}`, role: "viewer" } });
  const userOf = (person: { id: number }): PolicyUser => ({ id: person.id, role: "viewer", teamId: null, teamFunction: null });
  const message = (personId: number, overrides: Partial<PersonMessage> = {}): PersonMessage => ({
    kind: "handoff_received",
    personId,
    dedupeKey: `inbox-test:${++counter}`,
    title: `Message ${counter}`,
    body: "First paragraph.\n\nSecond paragraph.",
    link: "/review",
    ...overrides,
  });
  const send = (messages: PersonMessage[]) => db.prisma.$transaction((tx) => notifyPeople(tx, messages));
  const idsOf = async (personId: number) => (await db.prisma.notification.findMany({ where: { personId }, orderBy: { id: "asc" } })).map((row) => row.id);
  /** A write as writeRoute makes it: in a transaction, audited with the person as actor. */
  const write = <T>(actorId: number, work: (tx: Prisma.TransactionClient, audit: (entry: Omit<AuditEntry, "actorId">) => Promise<void>) => Promise<T>) =>
    db.prisma.$transaction((tx) => work(tx, (entry) => recordAudit(tx, { ...entry, actorId })));
  const refusalOf = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error("not refused");
      },
      (error: unknown) => {
        if (!(error instanceof AppError)) throw error;
        return error.code;
      },
    );

  it("counts only the person's own unread messages in the app", async () => {
    const [me, someoneElse] = [await newPerson(), await newPerson()];
    await send([message(me.id), message(me.id), message(someoneElse.id)]);
    // Not in the app: a mail-only message (in-app turned off) is no business of the bell's.
    await db.prisma.notificationPreference.create({ data: { personId: me.id, kind: "review_reminder", channel: "in-app", enabled: false } });
    await db.prisma.notificationPreference.create({ data: { personId: me.id, kind: "review_reminder", channel: "mail", enabled: true } });
    vi.stubEnv("TANDEM_MAILBOX", "true");
    await send([message(me.id, { kind: "review_reminder" })]);
    vi.stubEnv("TANDEM_MAILBOX", "false");
    expect(await db.prisma.notification.count({ where: { personId: me.id } })).toBe(3);
    expect(await countUnread(me.id, db.prisma)).toBe(2);
    expect(await countUnread(someoneElse.id, db.prisma)).toBe(1);
  });

  it("lists the person's messages newest first, in pages, with what is read and links on this site only", async () => {
    const me = await newPerson();
    const many = Array.from({ length: INBOX_PAGE_SIZE + 3 }, () => message(me.id));
    await send(many);
    // One message whose link is not a path of this site: the inbox never opens another one.
    await send([message(me.id, { link: "//evil.example/phish", title: "Odd link" })]);
    const first = await listInbox(me.id, 1, db.prisma);
    expect(first).toMatchObject({ total: INBOX_PAGE_SIZE + 4, unread: INBOX_PAGE_SIZE + 4, page: 1 });
    expect(first.messages).toHaveLength(INBOX_PAGE_SIZE);
    expect(first.messages[0]).toMatchObject({ title: "Odd link", link: "/", read: false, body: "First paragraph.\n\nSecond paragraph." });
    const ids = first.messages.map((entry) => entry.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const second = await listInbox(me.id, 2, db.prisma);
    expect(second.messages).toHaveLength(4);
    expect(second.messages.at(-1)!.title).toBe(many[0]!.title);
    expect((await listInbox((await newPerson()).id, 1, db.prisma)).messages).toEqual([]);
  });

  it("marks one's own message read, once, with an audit event; another person's is not found", async () => {
    const [me, someoneElse] = [await newPerson(), await newPerson()];
    await send([message(me.id), message(someoneElse.id)]);
    const [mine] = await idsOf(me.id);
    const [theirs] = await idsOf(someoneElse.id);

    const read = await write(me.id, async (tx, audit) => markRead(tx, await authorizeAs(ownNotification, { user: userOf(me), tx, input: undefined, params: { id: String(mine) } }), audit));
    expect(read.id).toBe(mine);
    expect(await countUnread(me.id, db.prisma)).toBe(0);
    // Read again: the first reading stays, and nothing is written.
    const again = await write(me.id, async (tx, audit) => markRead(tx, await authorizeAs(ownNotification, { user: userOf(me), tx, input: undefined, params: { id: String(mine) } }), audit));
    expect(again.readAt).toEqual(read.readAt);
    expect(await db.prisma.auditEvent.count({ where: { action: "notification.read", actorId: me.id, entityId: String(mine) } })).toBe(1);

    for (const id of [String(theirs), "999999", "1e3", "-1", "abc", "99999999999"]) {
      expect(await refusalOf(db.prisma.$transaction((tx) => authorizeAs(ownNotification, { user: userOf(me), tx, input: undefined, params: { id } }))), id).toBe("not-found");
    }
    expect(await countUnread(someoneElse.id, db.prisma)).toBe(1);
  });

  it("marks all of one's own messages read and nobody else's", async () => {
    const [me, someoneElse] = [await newPerson(), await newPerson()];
    await send([message(me.id), message(me.id), message(someoneElse.id)]);
    expect(await write(me.id, (tx, audit) => markAllRead(tx, me.id, audit))).toEqual({ marked: 2 });
    expect(await countUnread(me.id, db.prisma)).toBe(0);
    expect(await countUnread(someoneElse.id, db.prisma)).toBe(1);
    // Nothing left to mark: nothing is written, not even an audit event.
    expect(await write(me.id, (tx, audit) => markAllRead(tx, me.id, audit))).toEqual({ marked: 0 });
    expect(await db.prisma.auditEvent.count({ where: { action: "notification.all-read", actorId: me.id } })).toBe(1);
  });
});
