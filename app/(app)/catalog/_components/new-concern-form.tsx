"use client";

import { Field } from "@/components/forms/form-feedback";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import styles from "../catalog.module.css";
import { AddForm } from "./add-form";
import { HomeOptions } from "./home-options";

const EMPTY = { key: "", name: "", home: "shared", description: "" };
const PREFIX = "new-concern-";

/** Adds a concern; it applies to no kind until ticked in the grid, so at first it changes no figure. */
export function NewConcernForm() {
  return (
    <AddForm
      label="Add a concern"
      url="/api/concerns"
      empty={EMPTY}
      prefix={PREFIX}
      submitLabel="Add concern"
      added={(concern: { name: string }) => `Added "${concern.name}". Tick the kinds it applies to in the grid.`}
    >
      {(input, errors) => (
        <>
          <div className={styles.formRow}>
            <Field name="key" label="Key" prefix={PREFIX} errors={errors} hint="Lower-case letters, digits and hyphens. Keys never change.">
              <input {...input("key", true)} maxLength={TEXT_MAX.key} autoComplete="off" spellCheck={false} />
            </Field>
            <Field name="home" label="Home" prefix={PREFIX} errors={errors}>
              <select {...input("home")}>
                <HomeOptions />
              </select>
            </Field>
          </div>
          <Field name="name" label="Name" prefix={PREFIX} errors={errors}>
            <input {...input("name")} maxLength={TEXT_MAX.name} />
          </Field>
          <Field name="description" label="Description" optional prefix={PREFIX} errors={errors}>
            <textarea {...input("description")} rows={2} maxLength={TEXT_MAX.description} />
          </Field>
        </>
      )}
    </AddForm>
  );
}
