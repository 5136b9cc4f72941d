"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, fieldProps, FormError } from "@/components/forms/form-feedback";
import { postJson } from "@/lib/api/post-json";
import { CONCERN_HOMES, type ConcernHomeValue } from "@/lib/catalog/constants";
import { HOME_LABEL } from "@/lib/catalog/format";
import type { FieldErrors } from "@/lib/errors";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import styles from "../catalog.module.css";

const EMPTY = { key: "", name: "", home: "shared" as ConcernHomeValue, description: "" };
const PREFIX = "new-concern-";

/** Adds a concern; it applies to no kind until ticked in the grid, so at first it changes no figure. */
export function NewConcernForm() {
  const router = useRouter();
  const [values, setValues] = useState(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setCreated(null);
    const result = await postJson<{ key: string; name: string }>("/api/concerns", values);
    setPending(false);
    if (result.ok) {
      setValues(EMPTY);
      setFieldErrors(undefined);
      setError(null);
      setCreated(`Added "${result.data.name}". Tick the kinds it applies to in the grid.`);
      router.refresh();
      return;
    }
    setError(result.error);
    setFieldErrors(result.fieldErrors);
  }

  const input = (name: keyof typeof EMPTY, hasHint = false) => ({
    ...fieldProps(name, fieldErrors, PREFIX, hasHint),
    value: values[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      setValues({ ...values, [name]: event.target.value }),
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Add a concern">
      <div className={styles.formRow}>
        <Field name="key" label="Key" prefix={PREFIX} errors={fieldErrors} hint="Lower-case letters, digits and hyphens. Keys never change.">
          <input {...input("key", true)} maxLength={TEXT_MAX.key} autoComplete="off" spellCheck={false} />
        </Field>
        <Field name="home" label="Home" prefix={PREFIX} errors={fieldErrors}>
          <select {...input("home")}>
            {CONCERN_HOMES.map((home) => (
              <option key={home} value={home}>
                {HOME_LABEL[home]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field name="name" label="Name" prefix={PREFIX} errors={fieldErrors}>
        <input {...input("name")} maxLength={TEXT_MAX.name} />
      </Field>
      <Field name="description" label="Description" optional prefix={PREFIX} errors={fieldErrors}>
        <textarea {...input("description")} rows={2} maxLength={TEXT_MAX.description} />
      </Field>
      <FormError message={error} testId="new-concern-error" />
      <div>
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Adding…" : "Add concern"}
        </button>
      </div>
      <p className={styles.success} aria-live="polite">
        {created}
      </p>
    </form>
  );
}
