"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, fieldProps, FormError } from "@/components/forms/form-feedback";
import { useWrite } from "@/components/forms/use-write";
import { CONFIGURABLE_KINDS, KINDS, PERSON_CHANNELS, type PersonChannel } from "@/lib/notifications/kinds";
import type { NotificationSettings } from "@/lib/notifications/settings";
import styles from "../notifications.module.css";

const CHANNEL_LABEL: Record<PersonChannel, string> = { "in-app": "In the app", mail: "By mail" };

/** The organisation's defaults: what each person gets, per kind and channel, until they choose for themselves. */
export function DefaultsForm({ initial }: { initial: NotificationSettings }) {
  const router = useRouter();
  const { pending, errors, message, send } = useWrite();
  const [values, setValues] = useState(initial);
  const [hours, setHours] = useState(String(initial.reminderHoursBefore));
  const [saved, setSaved] = useState(false);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    const body = { defaults: values.defaults, reminderHoursBefore: hours === "" ? Number.NaN : Number(hours) };
    const result = await send("/api/settings/notifications/defaults", body, { method: "PUT", fields: ["reminderHoursBefore"] });
    if (result.ok) {
      setSaved(true);
      router.refresh();
    }
  }

  const toggle = (kind: (typeof CONFIGURABLE_KINDS)[number], channel: PersonChannel) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setValues({ ...values, defaults: { ...values.defaults, [kind]: { ...values.defaults[kind], [channel]: event.target.checked } } });

  return (
    <form className="form" onSubmit={save} noValidate aria-label="Defaults of the preferences">
      <div className="table-wrap">
        <table className="data-table" data-testid="notification-defaults">
          <thead>
            <tr>
              <th scope="col">Message</th>
              {PERSON_CHANNELS.map((channel) => (
                <th scope="col" key={channel} className={styles.toggle}>
                  {CHANNEL_LABEL[channel]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {CONFIGURABLE_KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row" className={styles.rowHeader}>
                  <span className={styles.kind}>
                    <span>{KINDS[kind].label}</span>
                    <span className="muted small">{KINDS[kind].description}</span>
                  </span>
                </th>
                {PERSON_CHANNELS.map((channel) => (
                  <td key={channel} className={styles.toggle}>
                    <input type="checkbox" checked={values.defaults[kind][channel]} onChange={toggle(kind, channel)} aria-label={`${KINDS[kind].label}: ${CHANNEL_LABEL[channel].toLowerCase()}`} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Field name="reminderHoursBefore" label="Reminder, hours before the review is due" prefix="defaults-" errors={errors} hint="From 1 to 168. Managers who have not submitted get it then.">
        <input {...fieldProps("reminderHoursBefore", errors, "defaults-", true)} type="number" inputMode="numeric" min={1} max={168} value={hours} onChange={(e) => setHours(e.target.value)} />
      </Field>
      <FormError message={message} testId="defaults-error" />
      <div>
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Saving…" : "Save defaults"}
        </button>
      </div>
      <p className="muted" aria-live="polite" data-testid="defaults-saved">
        {saved ? "Defaults saved. People who chose for themselves keep their choice." : null}
      </p>
    </form>
  );
}
