"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, fieldProps, FormError } from "@/components/forms/form-feedback";
import { postJson } from "@/lib/api/post-json";
import type { FieldErrors } from "@/lib/errors";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import styles from "../catalog.module.css";

const EMPTY = { key: "", label: "" };
const PREFIX = "new-kind-";

/** Adds an asset kind; no concern applies to it until ticked in the grid. */
export function NewKindForm() {
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
    const result = await postJson<{ key: string; label: string }>("/api/asset-kinds", values);
    setPending(false);
    if (result.ok) {
      setValues(EMPTY);
      setFieldErrors(undefined);
      setError(null);
      setCreated(`Added the kind "${result.data.label}".`);
      router.refresh();
      return;
    }
    setError(result.error);
    setFieldErrors(result.fieldErrors);
  }

  const input = (name: "key" | "label", hasHint = false) => ({
    ...fieldProps(name, fieldErrors, PREFIX, hasHint),
    value: values[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [name]: event.target.value }),
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Add an asset kind">
      <div className={styles.formRow}>
        <Field name="key" label="Key" prefix={PREFIX} errors={fieldErrors} hint="Lower-case letters, digits and hyphens. Keys never change.">
          <input {...input("key", true)} maxLength={TEXT_MAX.key} autoComplete="off" spellCheck={false} />
        </Field>
        <Field name="label" label="Label" prefix={PREFIX} errors={fieldErrors}>
          <input {...input("label")} maxLength={TEXT_MAX.label} />
        </Field>
      </div>
      <FormError message={error} testId="new-kind-error" />
      <div>
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Adding…" : "Add kind"}
        </button>
      </div>
      <p className={styles.success} aria-live="polite">
        {created}
      </p>
    </form>
  );
}
