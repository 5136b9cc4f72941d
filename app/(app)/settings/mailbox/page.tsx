import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden } from "@/components/ui/forbidden";
import { requireUser } from "@/lib/auth/session";
import { formatDayTime } from "@/lib/catalog/format";
import { mailIsConfigured } from "@/lib/mail/deliver";
import { mailboxIsOn, readMailbox, type MailboxMessage } from "@/lib/mail/mailbox";
import { linksInText, previewHtml } from "@/lib/mail/preview";
import { readTimeZone } from "@/lib/settings/queries";
import styles from "./mailbox.module.css";

export const metadata: Metadata = { title: "Mailbox" };

/** The id in `?id=`, when it is one. */
function selectedIdOf(raw: string | string[] | undefined): number | null {
  const id = typeof raw === "string" && /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  return id > 0 ? id : null;
}

export default async function MailboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [user, query] = await Promise.all([requireUser(), searchParams]);
  if (user.role !== "admin") return <Forbidden what="The mailbox is for admins." />;
  const header = (
    <header className="page-header">
      <p className={styles.breadcrumb}>
        <Link href="/settings">Settings &amp; users</Link> /
      </p>
      <h1>Mailbox</h1>
      <p className="page-lede">A copy of every mail Tandem sends: invitations, password resets and notifications, with their links.</p>
    </header>
  );
  if (!mailboxIsOn()) {
    return (
      <>
        {header}
        <p className="notice notice-warning">
          {mailIsConfigured()
            ? "The mailbox is off: mail goes out through the SMTP server of SMTP_URL, and no copy is kept here."
            : "The mailbox is off, and mail is not configured: set SMTP_URL to send mail, or TANDEM_MAILBOX=true to keep it here."}
        </p>
      </>
    );
  }
  const selectedId = selectedIdOf(query.id);
  const [{ messages, selected }, timeZone] = await Promise.all([readMailbox(selectedId), readTimeZone()]);
  return (
    <>
      {header}
      <div className={styles.layout}>
        <section className="panel" aria-labelledby="messages-heading">
          <h2 id="messages-heading">Messages</h2>
          {messages.length === 0 ? (
            <p className="muted">No mail yet. Invitations, password resets and notifications will appear here.</p>
          ) : (
            <ol className={styles.list}>
              {messages.map((message) => (
                <li key={message.id}>
                  <Link className={styles.entry} href={`/settings/mailbox?id=${message.id}`} aria-current={message.id === selected?.id ? "true" : undefined}>
                    <span className={styles.subject}>{message.subject}</span>
                    <span className={styles.meta}>To {message.to}</span>
                    <span className={styles.meta}>{formatDayTime(message.createdAt, timeZone)}</span>
                  </Link>
                </li>
              ))}
            </ol>
          )}
        </section>
        {selected ? (
          <MessageView message={selected} when={formatDayTime(selected.createdAt, timeZone)} />
        ) : selectedId !== null ? (
          <p className={`notice notice-warning ${styles.message}`}>No such message in the mailbox: only the latest 500 are kept.</p>
        ) : null}
      </div>
    </>
  );
}

function MessageView({ message, when }: { message: MailboxMessage; when: string }) {
  const links = linksInText(message.text);
  return (
    <article className={`panel ${styles.message}`} aria-labelledby="message-heading">
      <h2 id="message-heading">{message.subject}</h2>
      <dl className={styles.headers}>
        <dt>To</dt>
        <dd>{message.to}</dd>
        <dt>When</dt>
        <dd>{when}</dd>
      </dl>
      {links.length > 0 && (
        <>
          <p className={styles.meta} id="links-heading">
            Links in this message
          </p>
          <ul className={styles.links} aria-labelledby="links-heading">
            {links.map((link) => (
              <li key={link}>
                <a href={link}>{link}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {/* No scripts and no same origin; popups only, so that the message's own links open in a new tab (see lib/mail/preview.ts). */}
      <iframe className={styles.frame} title={`The message as sent: ${message.subject}`} sandbox="allow-popups allow-popups-to-escape-sandbox" srcDoc={previewHtml(message.html)} />
      <details className={styles.part}>
        <summary>Plain-text part</summary>
        <pre className={styles.text}>{message.text}</pre>
      </details>
    </article>
  );
}
