"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, fieldProps, FieldError, FormError } from "@/components/forms/form-feedback";
import { useWrite } from "@/components/forms/use-write";
import { EVENT_TYPE_LABELS, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/webhooks/event-types";
import styles from "../webhooks.module.css";
import { SecretShownOnce } from "./secret-shown-once";

export interface EditableEndpoint {
  id: number;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
}

const FIELDS = ["url", "description", "events"] as const;

/**
 * Adds an endpoint (then shows its secret, once), or edits one: its URL, what it is for and the events it
 * subscribes to. Editing keeps the secret; rolling it is a button of its own.
 */
export function EndpointForm({ endpoint, onDone }: { endpoint?: EditableEndpoint; onDone?: () => void }) {
  const router = useRouter();
  const { pending, errors, message, send } = useWrite();
  const prefix = endpoint ? `endpoint-${endpoint.id}-` : "new-endpoint-";
  const [values, setValues] = useState({ url: endpoint?.url ?? "", description: endpoint?.description ?? "", events: endpoint?.events ?? ["gap.opened", "gap.closed"] });
  const [secret, setSecret] = useState<string | null>(null);

  function toggle(type: WebhookEventType, checked: boolean) {
    setValues({ ...values, events: checked ? [...values.events, type] : values.events.filter((event) => event !== type) });
  }

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (endpoint) {
      const result = await send(`/api/settings/webhooks/${endpoint.id}`, { ...values, enabled: endpoint.enabled }, { method: "PATCH", fields: FIELDS });
      if (result.ok) {
        onDone?.();
        router.refresh();
      }
      return;
    }
    const result = await send<{ id: number; secret: string }>("/api/settings/webhooks", values, { fields: FIELDS });
    if (result.ok) {
      setSecret(result.data.secret);
      setValues({ url: "", description: "", events: values.events });
      router.refresh();
    }
  }

  return (
    <form className="form" onSubmit={save} noValidate aria-label={endpoint ? `Edit the endpoint ${endpoint.url}` : "Add an endpoint"}>
      <Field name="url" label="URL" prefix={prefix} errors={errors} hint="Where Tandem POSTs the events: an https:// address your receiver answers on.">
        <input {...fieldProps("url", errors, prefix, true)} type="url" inputMode="url" autoComplete="off" value={values.url} onChange={(e) => setValues({ ...values, url: e.target.value })} />
      </Field>
      <Field name="description" label="Description" prefix={prefix} errors={errors} optional>
        <input {...fieldProps("description", errors, prefix)} value={values.description} onChange={(e) => setValues({ ...values, description: e.target.value })} />
      </Field>
      <fieldset className={styles.checks} aria-describedby={`${prefix}events-error`}>
        <legend>Events</legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className={styles.check}>
            <input type="checkbox" name="events" value={type} checked={values.events.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />
            <span>
              <code>{type}</code>
              <br />
              <span className="muted small">{EVENT_TYPE_LABELS[type]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <FieldError id={`${prefix}events-error`} messages={errors?.events} />
      <FormError message={message} testId={`${prefix}error`} />
      <div className={styles.actions}>
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Saving…" : endpoint ? "Save endpoint" : "Add endpoint"}
        </button>
        {onDone ? (
          <button type="button" className="button button-quiet" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </div>
      {secret ? <SecretShownOnce secret={secret} onHide={() => setSecret(null)} /> : null}
    </form>
  );
}
