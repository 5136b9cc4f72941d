"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, fieldProps, FormError } from "@/components/forms/form-feedback";
import { useWrite } from "@/components/forms/use-write";
import styles from "../notifications.module.css";

export interface WebhookSlotView {
  teamId: number | null;
  destination: string;
  webhook: { id: number; format: "slack" | "teams"; urlHint: string } | null;
}

const FORMAT_LABEL = { slack: "Slack", teams: "Microsoft Teams" } as const;
const FIELDS = ["teamId", "format", "url"] as const;

/**
 * The organisation's chat webhook and each team's: set, replaced or removed. A saved URL is never sent back to
 * the browser, only its hint, so the URL field starts empty: replacing a webhook means pasting its URL again.
 */
export function WebhooksPanel({ slots }: { slots: WebhookSlotView[] }) {
  const router = useRouter();
  const { pending, errors, message, send } = useWrite();
  const [saved, setSaved] = useState<string | null>(null);
  const [values, setValues] = useState({ teamId: "", format: "slack", url: "" });

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setSaved(null);
    const teamId = values.teamId === "" ? null : Number(values.teamId);
    const result = await send("/api/settings/notifications/webhooks", { teamId, format: values.format, url: values.url }, { method: "PUT", fields: FIELDS });
    if (result.ok) {
      setSaved(`Webhook saved for ${slots.find((slot) => slot.teamId === teamId)?.destination ?? "the organisation"}.`);
      setValues({ ...values, url: "" });
      router.refresh();
    }
  }

  async function remove(slot: WebhookSlotView) {
    if (!window.confirm(`Remove the chat webhook of ${slot.destination}? Its messages stop at once.`)) return;
    setSaved(null);
    const result = await send("/api/settings/notifications/webhooks", { teamId: slot.teamId }, { method: "DELETE" });
    if (result.ok) {
      setSaved(`Webhook of ${slot.destination} removed.`);
      router.refresh();
    }
  }

  return (
    <>
      <div className="table-wrap">
        <table className="data-table" data-testid="webhooks">
          <thead>
            <tr>
              <th scope="col">Channel of</th>
              <th scope="col">Webhook</th>
            </tr>
          </thead>
          <tbody>
            {slots.map((slot) => (
              <tr key={slot.teamId ?? "organisation"}>
                <th scope="row" className={styles.rowHeader}>
                  {slot.destination}
                </th>
                <td>
                  {slot.webhook ? (
                    <span className={styles.webhook}>
                      <span>
                        {FORMAT_LABEL[slot.webhook.format]}: {slot.webhook.urlHint}
                      </span>
                      <button type="button" className="button button-quiet" disabled={pending} onClick={() => remove(slot)} aria-label={`Remove the webhook of ${slot.destination}`}>
                        Remove
                      </button>
                    </span>
                  ) : (
                    <span className="muted">Not set</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className={`form ${styles.webhookForm}`} onSubmit={save} noValidate aria-label="Set a chat webhook">
        <div className={styles.inline}>
          <Field name="teamId" label="Channel of" prefix="webhook-" errors={errors}>
            <select {...fieldProps("teamId", errors, "webhook-")} value={values.teamId} onChange={(e) => setValues({ ...values, teamId: e.target.value })}>
              {slots.map((slot) => (
                <option key={slot.teamId ?? "organisation"} value={slot.teamId ?? ""}>
                  {slot.destination}
                </option>
              ))}
            </select>
          </Field>
          <Field name="format" label="Service" prefix="webhook-" errors={errors}>
            <select {...fieldProps("format", errors, "webhook-")} value={values.format} onChange={(e) => setValues({ ...values, format: e.target.value })}>
              <option value="slack">Slack</option>
              <option value="teams">Microsoft Teams</option>
            </select>
          </Field>
          <Field name="url" label="Webhook URL" prefix="webhook-" errors={errors} className={styles.url} hint="Kept encrypted; only its host and last characters are shown again.">
            <input {...fieldProps("url", errors, "webhook-", true)} type="url" autoComplete="off" value={values.url} onChange={(e) => setValues({ ...values, url: e.target.value })} />
          </Field>
        </div>
        <FormError message={message} testId="webhook-error" />
        <div>
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? "Saving…" : "Save webhook"}
          </button>
        </div>
        <p className="muted" aria-live="polite" data-testid="webhook-saved">
          {saved}
        </p>
      </form>
    </>
  );
}
