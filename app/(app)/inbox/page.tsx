import type { Metadata, Route } from "next";
import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/session";
import { formatDayTime } from "@/lib/catalog/format";
import { INBOX_PAGE_SIZE, listInbox } from "@/lib/notifications/inbox";
import { inboxPageSchema } from "@/lib/notifications/schemas";
import { readTimeZone } from "@/lib/settings/queries";
import { MarkAllRead } from "./_components/mark-all-read";
import { OpenMessage } from "./_components/open-message";
import styles from "./inbox.module.css";

export const metadata: Metadata = { title: "Inbox" };

/** What Tandem told the signed-in person, newest first. Reading the page marks nothing: opening a message does. */
export default async function InboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const [user, { page }] = await Promise.all([requireUser(), searchParams]);
  const [inbox, timeZone] = await Promise.all([listInbox(user.id, inboxPageSchema.parse(page)), readTimeZone()]);
  return (
    <>
      <header className="page-header page-header-row">
        <div>
          <h1>Inbox</h1>
          <p className="page-lede" data-testid="inbox-summary">
            {inbox.unread === 0 ? "Nothing unread." : `${inbox.unread} unread.`} What Tandem tells you: hand-offs, reminders, changes to
            your cells. Choose what you get in <Link href={"/account#notifications" as Route}>My account</Link>.
          </p>
        </div>
        {inbox.unread > 0 ? <MarkAllRead /> : null}
      </header>
      {inbox.total === 0 ? (
        <p className="panel muted" data-testid="inbox-empty">
          No messages yet. When Tandem has something for you, it shows here and on the bell.
        </p>
      ) : (
        <ol className={styles.list} data-testid="inbox-list">
          {inbox.messages.map((message) => (
            <li key={message.id} className={`panel ${styles.message}`} data-unread={message.read ? undefined : "true"} data-testid="inbox-message">
              <div className={styles.heading}>
                <h2 className={styles.title}>
                  {message.read ? null : <span className="visually-hidden">Unread: </span>}
                  <OpenMessage id={message.id} href={message.link} unread={!message.read}>
                    {message.title}
                  </OpenMessage>
                </h2>
                <time dateTime={message.createdAt.toISOString()} className="muted">
                  {formatDayTime(message.createdAt, timeZone)}
                </time>
              </div>
              {message.body.split("\n\n").map((paragraph, index) => (
                <p key={index} className={styles.paragraph}>
                  {paragraph}
                </p>
              ))}
            </li>
          ))}
        </ol>
      )}
      {inbox.total > INBOX_PAGE_SIZE ? (
        <Pagination basePath="/inbox" searchParams={{}} page={inbox.page} pageSize={INBOX_PAGE_SIZE} total={inbox.total} unit="messages" />
      ) : null}
    </>
  );
}
