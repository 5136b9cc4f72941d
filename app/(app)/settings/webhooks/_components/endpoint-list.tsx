"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/forms/form-feedback";
import { useWrite } from "@/components/forms/use-write";
import type { TestEventOutcome } from "@/lib/webhooks/queries";
import styles from "../webhooks.module.css";
import { EndpointForm, type EditableEndpoint } from "./endpoint-form";
import { SecretShownOnce } from "./secret-shown-once";

export interface EndpointRow extends EditableEndpoint {
  secretHint: string;
}

const OUTCOME: Record<TestEventOutcome["status"], string> = { sent: "Test event delivered.", retrying: "Test event not delivered; it will be tried again.", failed: "Test event not delivered." };

/** The endpoints, each with its events and what an admin does with it: edit, disable, roll its secret, test, delete. */
export function EndpointList({ endpoints }: { endpoints: EndpointRow[] }) {
  if (endpoints.length === 0) return <p className="muted">No endpoint yet. Add one below.</p>;
  return (
    <ul className={styles.endpoints} data-testid="webhook-endpoints">
      {endpoints.map((endpoint) => (
        <EndpointItem key={endpoint.id} endpoint={endpoint} />
      ))}
    </ul>
  );
}

function EndpointItem({ endpoint }: { endpoint: EndpointRow }) {
  const router = useRouter();
  const { pending, message, send } = useWrite();
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const base = `/api/settings/webhooks/${endpoint.id}`;

  async function act<Data>(url: string, body: unknown, method: "POST" | "PATCH" | "DELETE", after: (data: Data) => void) {
    setSaid(null);
    const result = await send<Data>(url, body, { method });
    if (result.ok) {
      after(result.data);
      router.refresh();
    }
  }

  const setEnabled = () =>
    act(base, { url: endpoint.url, description: endpoint.description, events: endpoint.events, enabled: !endpoint.enabled }, "PATCH", () => setSaid(endpoint.enabled ? "Disabled: nothing is sent to it." : "Enabled."));
  const roll = () => {
    if (window.confirm("Roll the signing secret? Deliveries are signed with the new one at once, so the receiver must get it before it can verify them.")) {
      void act<{ secret: string }>(`${base}/secret`, {}, "POST", (data) => setSecret(data.secret));
    }
  };
  const test = () =>
    act<{ outcome: TestEventOutcome }>(`${base}/test`, {}, "POST", ({ outcome }) => setSaid(`${OUTCOME[outcome.status]}${outcome.detail ? ` ${outcome.detail}` : ""}`));
  const remove = () => {
    if (window.confirm(`Delete the endpoint ${endpoint.url}? Nothing more is sent to it, and its deliveries leave the log.`)) void act(base, {}, "DELETE", () => undefined);
  };

  return (
    <li className={styles.endpoint} data-testid="webhook-endpoint">
      {editing ? (
        <EndpointForm endpoint={endpoint} onDone={() => setEditing(false)} />
      ) : (
        <>
          <div className={styles.endpointHead}>
            <span className={endpoint.enabled ? styles.url : `${styles.url} ${styles.disabled}`}>{endpoint.url}</span>
            <span className={`status-chip ${endpoint.enabled ? styles["status-sent"] : styles.disabled}`}>{endpoint.enabled ? "Enabled" : "Disabled"}</span>
          </div>
          {endpoint.description ? <p className="muted">{endpoint.description}</p> : null}
          <ul className={styles.events} aria-label="Events">
            {endpoint.events.map((event) => (
              <li key={event} className={styles.event}>
                {event}
              </li>
            ))}
          </ul>
          <p className="muted small">Signing secret {endpoint.secretHint}</p>
          <div className={styles.actions}>
            <button type="button" className="button button-secondary" disabled={pending || !endpoint.enabled} onClick={test}>
              Send a test event
            </button>
            <button type="button" className="button button-quiet" disabled={pending} onClick={() => setEditing(true)}>
              Edit
            </button>
            <button type="button" className="button button-quiet" disabled={pending} onClick={setEnabled}>
              {endpoint.enabled ? "Disable" : "Enable"}
            </button>
            <button type="button" className="button button-quiet" disabled={pending} onClick={roll}>
              Roll secret
            </button>
            <button type="button" className="button button-quiet" disabled={pending} onClick={remove} aria-label={`Delete the endpoint ${endpoint.url}`}>
              Delete
            </button>
          </div>
          <FormError message={message} testId={`endpoint-${endpoint.id}-error`} />
          <p className="muted" aria-live="polite" data-testid="endpoint-said">
            {pending ? "Working…" : said}
          </p>
          {secret ? <SecretShownOnce secret={secret} onHide={() => setSecret(null)} /> : null}
        </>
      )}
    </li>
  );
}
