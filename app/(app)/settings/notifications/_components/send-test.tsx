"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, fieldProps, FormError } from "@/components/forms/form-feedback";
import { useWrite } from "@/components/forms/use-write";
import type { TestOutcome } from "@/lib/notifications/test-message";
import styles from "../notifications.module.css";

const CHANNEL_LABEL: Record<TestOutcome["channel"], string> = { "in-app": "In the app", mail: "Mail", chat: "Chat" };
const STATUS_LABEL: Record<TestOutcome["status"], string> = { sent: "sent", failed: "failed", retrying: "failed, will be tried again", "not-configured": "not configured" };

/** Sends a test message, to yourself or to a chat webhook, and says what became of it on each channel. */
export function SendTest({ webhooks }: { webhooks: { id: number; label: string }[] }) {
  const router = useRouter();
  const { pending, errors, message, send } = useWrite();
  const [webhookId, setWebhookId] = useState(webhooks[0] ? String(webhooks[0].id) : "");
  const [outcomes, setOutcomes] = useState<TestOutcome[] | null>(null);

  async function sendTest(body: unknown) {
    setOutcomes(null);
    const result = await send<{ outcomes: TestOutcome[] }>("/api/settings/notifications/test", body, { fields: ["webhookId"] });
    if (result.ok) {
      setOutcomes(result.data.outcomes);
      // The delivery log below shows the new deliveries.
      router.refresh();
    }
  }

  return (
    <div className="form">
      <div className={styles.inline}>
        <button type="button" className="button button-secondary" disabled={pending} onClick={() => sendTest({ to: "me" })}>
          Send a test to me
        </button>
      </div>
      {webhooks.length > 0 ? (
        <div className={`${styles.inline} ${styles.buttonRow}`}>
          <Field name="webhookId" label="Webhook of" prefix="test-" errors={errors}>
            <select {...fieldProps("webhookId", errors, "test-")} value={webhookId} onChange={(e) => setWebhookId(e.target.value)}>
              {webhooks.map((webhook) => (
                <option key={webhook.id} value={webhook.id}>
                  {webhook.label}
                </option>
              ))}
            </select>
          </Field>
          <button type="button" className="button button-secondary" disabled={pending} onClick={() => sendTest({ to: "chat", webhookId: Number(webhookId) })}>
            Send a test to chat
          </button>
        </div>
      ) : (
        <p className="muted">Set a chat webhook above to send a test to chat.</p>
      )}
      <FormError message={message} testId="test-error" />
      <div aria-live="polite" data-testid="test-outcomes">
        {pending ? <p className="muted">Sending…</p> : null}
        {outcomes ? (
          <ul className={styles.outcomes}>
            {outcomes.map((outcome) => (
              <li key={outcome.channel}>
                <span className={`status-chip ${styles[`status-${outcome.status === "not-configured" ? "queued" : outcome.status}`]}`}>{CHANNEL_LABEL[outcome.channel]}: {STATUS_LABEL[outcome.status]}</span>
                {outcome.detail ? <span className={styles.detail}> {outcome.detail}</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
