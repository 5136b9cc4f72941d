import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden } from "@/components/ui/forbidden";
import { canManageSettings } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { readTimeZone } from "@/lib/settings/queries";
import { listWebhookEndpoints, readWebhookLog, WEBHOOK_LOG_SIZE } from "@/lib/webhooks/queries";
import { EndpointForm } from "./_components/endpoint-form";
import { EndpointList } from "./_components/endpoint-list";
import { WebhookLog } from "./_components/webhook-log";
import styles from "./webhooks.module.css";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhookSettingsPage() {
  const user = await requireUser();
  if (!canManageSettings(user)) return <Forbidden what="Webhooks are for admins." />;
  const [endpoints, log, timeZone] = await Promise.all([listWebhookEndpoints(), readWebhookLog(), readTimeZone()]);
  const endpointUrls = Object.fromEntries(endpoints.map((endpoint) => [endpoint.id, endpoint.url]));
  return (
    <>
      <header className="page-header">
        <p className={styles.breadcrumb}>
          <Link href="/settings">Settings &amp; users</Link> /
        </p>
        <h1>Webhooks</h1>
        <p className="page-lede">
          Tandem POSTs what happens to ownership to your systems, signed as the Standard Webhooks specification says, so a receiver can check that Tandem sent it (README, &ldquo;Verifying
          webhooks&rdquo;).
        </p>
      </header>
      <section className="panel" aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading">Endpoints</h2>
        <EndpointList endpoints={endpoints} />
      </section>
      <section className="panel" aria-labelledby="add-heading">
        <h2 id="add-heading">Add an endpoint</h2>
        <p className="muted">Tandem makes the signing secret and shows it once, when the endpoint is added. Only public addresses are accepted.</p>
        <EndpointForm />
      </section>
      <section className="panel" aria-labelledby="log-heading">
        <h2 id="log-heading">Delivery log</h2>
        <p className="muted">
          The latest {WEBHOOK_LOG_SIZE} deliveries, newest first. An answer other than 2xx, or none within 10 seconds, is tried again after 1, 2, 4 and 8 minutes, then given up.
        </p>
        <WebhookLog entries={log} endpointUrls={endpointUrls} timeZone={timeZone} />
      </section>
    </>
  );
}
