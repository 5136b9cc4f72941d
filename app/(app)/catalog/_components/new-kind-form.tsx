"use client";

import { Field } from "@/components/forms/form-feedback";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import styles from "../catalog.module.css";
import { AddForm } from "./add-form";

const EMPTY = { key: "", label: "" };
const PREFIX = "new-kind-";

/** Adds an asset kind; the concerns marked "Every kind" apply to it at once, the others once ticked in the grid. */
export function NewKindForm() {
  return (
    <AddForm
      label="Add an asset kind"
      url="/api/asset-kinds"
      empty={EMPTY}
      prefix={PREFIX}
      submitLabel="Add kind"
      added={(kind: { label: string; concernKeys: string[] }) =>
        `Added the kind "${kind.label}"${kind.concernKeys.length ? `; ${kind.concernKeys.length === 1 ? "1 concern applies" : `${kind.concernKeys.length} concerns apply`} to every kind, this one included` : ""}.`
      }
    >
      {(input, errors) => (
        <div className={styles.formRow}>
          <Field name="key" label="Key" prefix={PREFIX} errors={errors} hint="Lower-case letters, digits and hyphens. Keys never change.">
            <input {...input("key", true)} maxLength={TEXT_MAX.key} autoComplete="off" spellCheck={false} />
          </Field>
          <Field name="label" label="Label" prefix={PREFIX} errors={errors}>
            <input {...input("label")} maxLength={TEXT_MAX.label} />
          </Field>
        </div>
      )}
    </AddForm>
  );
}
