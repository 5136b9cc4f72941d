"use client";

import type { Route } from "next";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, fieldProps, FormError } from "@/components/forms/form-feedback";
import { postJson } from "@/lib/api/post-json";
import type { AssetFormValues } from "@/lib/catalog/asset-queries";
import { CRITICALITY_LABEL, LIFECYCLE_LABEL } from "@/lib/catalog/format";
import { CRITICALITIES, EDITABLE_LIFECYCLES } from "@/lib/catalog/constants";
import type { FieldErrors } from "@/lib/errors";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import styles from "../assets.module.css";
import { ConflictNotice } from "./conflict-notice";

type Values = Omit<AssetFormValues, "updatedAt">;

const PREFIX = "asset-";

/**
 * Creates or edits an asset. On a refusal the typed values stay and each field shows its error. When
 * someone else saved the asset in the meantime, their values are shown and the next save is a
 * deliberate overwrite of that newer version, never a silent one.
 */
export function AssetForm({ mode, initial, kinds }: { mode: "create" | "edit"; initial: AssetFormValues; kinds: { key: string; label: string }[] }) {
  const router = useRouter();
  const { updatedAt: initialVersion, ...initialValues } = initial;
  const [values, setValues] = useState<Values>(initialValues);
  const [version, setVersion] = useState(initialVersion);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<AssetFormValues | null>(null);
  const [pending, setPending] = useState(false);
  const retired = values.lifecycle === "retired";

  const field = (name: keyof Values, hasHint = false) => ({
    ...fieldProps(name, fieldErrors, PREFIX, hasHint),
    value: values[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setValues((current) => ({ ...current, [name]: event.target.value })),
  });

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const { key, lifecycle, ...rest } = values;
    const body = { ...rest, ...(retired ? {} : { lifecycle }) };
    const result =
      mode === "create"
        ? await postJson<{ key: string }>("/api/assets", { key, ...body })
        : await postJson<{ key: string }>(`/api/assets/${encodeURIComponent(key)}`, { ...body, updatedAt: version }, "PATCH");
    if (result.ok) {
      router.push(`/assets/${result.data.key}` as Route);
      router.refresh();
      return;
    }
    setPending(false);
    setError(result.error);
    setFieldErrors(result.fieldErrors);
    if (result.code === "conflict" && isFormValues(result.current)) {
      setConflict(result.current);
      setVersion(result.current.updatedAt);
    }
  }

  const cancelHref = (mode === "create" ? "/assets" : `/assets/${initial.key}`) as Route;
  return (
    <form className={`form ${styles.formPanel}`} onSubmit={submit} noValidate aria-label={mode === "create" ? "New asset" : "Edit asset"}>
      <FormError message={error} />
      {conflict ? (
        <ConflictNotice
          current={conflict}
          kinds={kinds}
          onUseTheirs={() => {
            const { updatedAt, ...theirs } = conflict;
            setValues(theirs);
            setVersion(updatedAt);
            setConflict(null);
            setError(null);
          }}
        />
      ) : null}
      <div className={styles.formGrid}>
        {mode === "create" ? (
          <Field name="key" label="Key" prefix={PREFIX} errors={fieldErrors} hint="Lower-case letters, digits and hyphens, such as hubspot-crm. It cannot be changed later: imports and reports use it.">
            <input {...field("key", true)} required maxLength={TEXT_MAX.key} autoComplete="off" spellCheck={false} />
          </Field>
        ) : (
          <div className="field">
            <span>Key</span>
            <span className={styles.readOnlyKey} data-testid="asset-key">
              {values.key}
            </span>
            <span className={styles.hint}>Keys never change: imports and reports use them.</span>
          </div>
        )}
        <Field name="name" label="Name" prefix={PREFIX} errors={fieldErrors}>
          <input {...field("name")} required maxLength={TEXT_MAX.name} />
        </Field>
        <Field name="kindKey" label="Kind" prefix={PREFIX} errors={fieldErrors}>
          <select {...field("kindKey")} required>
            <option value="">Choose a kind…</option>
            {kinds.map((kind) => (
              <option key={kind.key} value={kind.key}>
                {kind.label}
              </option>
            ))}
          </select>
        </Field>
        <Field name="criticality" label="Criticality" prefix={PREFIX} errors={fieldErrors}>
          <select {...field("criticality")} required>
            {CRITICALITIES.map((value) => (
              <option key={value} value={value}>
                {CRITICALITY_LABEL[value]}
              </option>
            ))}
          </select>
        </Field>
        {retired ? (
          <div className="field">
            <span>Lifecycle</span>
            <span className={styles.readOnlyKey}>Retired</span>
          </div>
        ) : (
          <Field name="lifecycle" label="Lifecycle" prefix={PREFIX} errors={fieldErrors} hint="To take an asset out of scope, retire it from its page.">
            <select {...field("lifecycle", true)} required>
              {EDITABLE_LIFECYCLES.map((value) => (
                <option key={value} value={value}>
                  {LIFECYCLE_LABEL[value]}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field name="vendor" label="Vendor" optional prefix={PREFIX} errors={fieldErrors}>
          <input {...field("vendor")} maxLength={TEXT_MAX.name} />
        </Field>
        <Field name="url" label="Web address" optional prefix={PREFIX} errors={fieldErrors} className={styles.wide}>
          <input {...field("url")} type="url" inputMode="url" maxLength={TEXT_MAX.url} placeholder="https://" />
        </Field>
        <Field name="description" label="Description" optional prefix={PREFIX} errors={fieldErrors} className={styles.wide}>
          <textarea {...field("description")} rows={4} maxLength={TEXT_MAX.description} />
        </Field>
      </div>
      <div className={styles.formActions}>
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Saving…" : mode === "create" ? "Create asset" : conflict ? "Save mine anyway" : "Save changes"}
        </button>
        <Link href={cancelHref} className={`button button-quiet ${styles.linkButton}`}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

function isFormValues(value: unknown): value is AssetFormValues {
  return typeof value === "object" && value !== null && "updatedAt" in value && "name" in value;
}
