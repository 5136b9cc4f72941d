"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "@/lib/api/post-json";

export interface SettingsValues {
  name: string;
  timeZone: string;
  staleAfterDays: number;
  overloadHighCriticalCells: number;
  overloadConcernSharePct: number;
  overloadConcernMinCells: number;
}

const NUMBER_FIELDS: { name: keyof SettingsValues; label: string; hint: string }[] = [
  { name: "staleAfterDays", label: "Stale after (days)", hint: "An accountable assignment not confirmed for longer is a stale gap." },
  { name: "overloadHighCriticalCells", label: "Overload: high and critical cells", hint: "More accountable cells on high or critical assets than this is overload." },
  { name: "overloadConcernSharePct", label: "Overload: share of one concern (%)", hint: "Holding A on more than this share of a concern's cells is overload…" },
  { name: "overloadConcernMinCells", label: "…for concerns with at least (cells)", hint: "Only concerns with this many cells in scope count." },
];

export function SettingsForm({ initial }: { initial: SettingsValues }) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    const result = await postJson("/api/settings", values, "PATCH");
    setSaving(false);
    if (result.ok) {
      setErrors({});
      setMessage({ ok: true, text: "Settings saved." });
      router.refresh();
    } else {
      setErrors(result.fieldErrors ?? {});
      setMessage({ ok: false, text: result.error });
    }
  }

  const error = (name: string) =>
    errors[name] ? (
      <span className="field-error" id={`${name}-error`}>
        {errors[name]!.join(" ")}
      </span>
    ) : null;

  return (
    <form className="form settings-form" onSubmit={save} noValidate>
      <label className="field">
        <span>Organisation name</span>
        <input value={values.name} maxLength={200} onChange={(e) => setValues({ ...values, name: e.target.value })} aria-describedby="name-error" />
        {error("name")}
      </label>
      <label className="field">
        <span>Time zone of the weekly review</span>
        <input value={values.timeZone} maxLength={64} onChange={(e) => setValues({ ...values, timeZone: e.target.value })} aria-describedby="timeZone-error" />
        <span className="muted">Reviews open Monday 00:00 and are due Friday 23:59 in this zone (IANA name, e.g. Europe/Berlin).</span>
        {error("timeZone")}
      </label>
      {NUMBER_FIELDS.map((field) => (
        <label key={field.name} className="field">
          <span>{field.label}</span>
          <input
            type="number"
            inputMode="numeric"
            value={Number.isNaN(values[field.name] as number) ? "" : String(values[field.name])}
            onChange={(e) => setValues({ ...values, [field.name]: e.target.value === "" ? Number.NaN : Number(e.target.value) })}
            aria-describedby={`${field.name}-error`}
          />
          <span className="muted">{field.hint}</span>
          {error(field.name)}
        </label>
      ))}
      <div aria-live="polite">
        {message ? (
          <p className={`notice ${message.ok ? "notice-success" : "notice-error"}`} data-testid="settings-message">
            {message.text}
          </p>
        ) : null}
      </div>
      <div>
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? "Saving…" : "Save settings"}
        </button>
      </div>
    </form>
  );
}
