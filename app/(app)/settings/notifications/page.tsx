import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden } from "@/components/ui/forbidden";
import { canManageSettings } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { readDeliveryLog } from "@/lib/notifications/delivery-log";
import { readNotificationSettings } from "@/lib/notifications/settings";
import { listWebhookSlots } from "@/lib/notifications/webhooks";
import { readTimeZone } from "@/lib/settings/queries";
import { DefaultsForm } from "./_components/defaults-form";
import { DeliveryLog } from "./_components/delivery-log";
import { SendTest } from "./_components/send-test";
import { WebhooksPanel } from "./_components/webhooks-panel";
import styles from "./notifications.module.css";

export const metadata: Metadata = { title: "Notifications" };

/** The page in `?page=`, when it is one. */
const pageOf = (raw: string | string[] | undefined) => (typeof raw === "string" && /^\d{1,6}$/.test(raw) && Number(raw) > 0 ? Number(raw) : 1);

export default async function NotificationSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [user, query] = await Promise.all([requireUser(), searchParams]);
  if (!canManageSettings(user)) return <Forbidden what="Notification settings are for admins." />;
  const page = pageOf(query.page);
  const [slots, settings, log, timeZone] = await Promise.all([listWebhookSlots(), readNotificationSettings(), readDeliveryLog(page), readTimeZone()]);
  const webhooks = slots.flatMap((slot) => (slot.webhook ? [{ id: slot.webhook.id, label: `${slot.destination} (${slot.webhook.urlHint})` }] : []));
  return (
    <>
      <header className="page-header">
        <p className={styles.breadcrumb}>
          <Link href="/settings">Settings &amp; users</Link> /
        </p>
        <h1>Notifications</h1>
        <p className="page-lede">Where Tandem&rsquo;s messages go, what people get unless they choose otherwise, and what was delivered.</p>
      </header>
      <section className="panel" aria-labelledby="chat-heading">
        <h2 id="chat-heading">Chat webhooks</h2>
        <p className="muted">
          A team&rsquo;s channel gets its week opening, the hand-offs it receives and its holders who left; the organisation&rsquo;s gets the overdue reviews and every holder who left. Use a Slack incoming
          webhook or a Microsoft Teams Workflows webhook (README, &ldquo;Chat&rdquo;).
        </p>
        <WebhooksPanel slots={slots.map(({ teamId, destination, webhook }) => ({ teamId, destination, webhook: webhook && { id: webhook.id, format: webhook.format, urlHint: webhook.urlHint } }))} />
      </section>
      <section className="panel" aria-labelledby="defaults-heading">
        <h2 id="defaults-heading">Defaults for everyone</h2>
        <p className="muted">What each person gets, in the app and by mail, until they choose for themselves in their account.</p>
        <DefaultsForm initial={settings} />
      </section>
      <section className="panel" aria-labelledby="test-heading">
        <h2 id="test-heading">Send a test</h2>
        <p className="muted">A test message is delivered at once, whatever the preferences, and this page says what happened to it.</p>
        <SendTest webhooks={webhooks} />
      </section>
      <section className="panel" aria-labelledby="log-heading">
        <h2 id="log-heading">Delivery log</h2>
        <p className="muted">Every message sent by mail or to chat, newest first. A failed delivery is tried again after 1, 2, 4 and 8 minutes, then given up with its error.</p>
        <DeliveryLog entries={log.entries} total={log.total} page={page} timeZone={timeZone} />
      </section>
    </>
  );
}
