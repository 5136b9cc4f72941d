"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/forms/form-feedback";
import { useWrite } from "@/components/forms/use-write";
import type { PersonChannel } from "@/lib/notifications/kinds";
import type { KindChoices } from "@/lib/notifications/preferences";
import styles from "../account.module.css";

const CHANNELS: readonly { channel: PersonChannel; label: string }[] = [
  { channel: "in-app", label: "In the app" },
  { channel: "mail", label: "By mail" },
];

const onOff = (enabled: boolean) => (enabled ? "on" : "off");

/**
 * The person's choices per kind of message and channel. A toggle the person never touched follows the
 * organisation's default, which it names; saving sends only the toggles that differ from what is in effect.
 */
export function NotificationPreferencesForm({ kinds }: { kinds: readonly KindChoices[] }) {
  const router = useRouter();
  const { pending, message, send } = useWrite();
  const [saved, setSaved] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const changes = kinds.flatMap(({ kind, channels }) =>
      CHANNELS.map(({ channel }) => ({ kind, channel, enabled: data.has(`${kind}:${channel}`) })).filter((change) => change.enabled !== channels[change.channel].enabled),
    );
    setSaved(false);
    if (changes.length === 0) {
      setSaved(true);
      return;
    }
    const result = await send("/api/me/notification-preferences", changes, { method: "PUT" });
    if (!result.ok) return;
    setSaved(true);
    router.refresh();
  }

  return (
    <form className="form" method="post" onSubmit={submit} aria-label="Notifications">
      <table className={styles.preferences}>
        <thead>
          <tr>
            <th scope="col">Message</th>
            {CHANNELS.map(({ channel, label }) => (
              <th key={channel} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {kinds.map(({ kind, label, description, channels }) => (
            <tr key={kind} data-kind={kind}>
              <th scope="row">
                <span className={styles.kindLabel}>{label}</span>
                <span className={styles.kindDescription}>{description}</span>
              </th>
              {CHANNELS.map(({ channel, label: channelLabel }) => {
                const choice = channels[channel];
                return (
                  <td key={channel}>
                    <label className={styles.toggle}>
                      <input type="checkbox" name={`${kind}:${channel}`} defaultChecked={choice.enabled} aria-label={`${label}: ${channelLabel}`} />
                      <span className={styles.origin}>{choice.chosen ? "your choice" : `default: ${onOff(choice.orgDefault)}`}</span>
                    </label>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <FormError message={message} />
      <div aria-live="polite">
        {saved ? (
          <p className="notice notice-success" data-testid="preferences-saved">
            Saved.
          </p>
        ) : null}
      </div>
      <div className="page-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Saving…" : "Save notifications"}
        </button>
      </div>
    </form>
  );
}
