"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, fieldProps, FormError } from "@/components/forms/form-feedback";
import { useWrite } from "@/components/forms/use-write";
import type { CatalogConcern } from "@/lib/catalog/concern-queries";
import { HOME_LABEL } from "@/lib/catalog/format";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import styles from "../catalog.module.css";
import { HomeOptions } from "./home-options";

/** The concerns table: key, name, home and description; admins edit a row in place. */
export function ConcernRows({ concerns, canEdit }: { concerns: CatalogConcern[]; canEdit: boolean }) {
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="concern-table">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Name</th>
            <th scope="col">Home</th>
            <th scope="col">Description</th>
            {canEdit ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {concerns.map((concern) => (
            <ConcernRow key={`${concern.key}@${concern.updatedAt}`} concern={concern} canEdit={canEdit} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ConcernRow({ concern, canEdit }: { concern: CatalogConcern; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  if (editing) return <ConcernEditRow concern={concern} onDone={() => setEditing(false)} />;
  return (
    <tr data-testid={`concern-${concern.key}`}>
      <td className={styles.key}>{concern.key}</td>
      <td className={styles.concernName}>{concern.name}</td>
      <td>
        <span className={`${styles.home} ${styles[`home-${concern.home}`]}`} style={{ marginLeft: 0 }}>
          {HOME_LABEL[concern.home]}
        </span>
      </td>
      <td className={styles.description}>{concern.description ?? <span className="muted">—</span>}</td>
      {canEdit ? (
        <td>
          <button type="button" className="button button-quiet" onClick={() => setEditing(true)} aria-label={`Edit ${concern.name}`}>
            Edit
          </button>
        </td>
      ) : null}
    </tr>
  );
}

function ConcernEditRow({ concern, onDone }: { concern: CatalogConcern; onDone: () => void }) {
  const router = useRouter();
  const [values, setValues] = useState({ name: concern.name, home: concern.home, description: concern.description ?? "" });
  const { pending, errors, message, send } = useWrite();
  const prefix = `${concern.key}-`;
  const input = (name: keyof typeof values) => ({
    ...fieldProps(name, errors, prefix),
    value: values[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      setValues({ ...values, [name]: event.target.value }),
  });

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await send(`/api/concerns/${encodeURIComponent(concern.key)}`, { ...values, updatedAt: concern.updatedAt }, { method: "PATCH" });
    if (result.ok) {
      onDone();
      router.refresh();
    }
  }

  return (
    <tr data-testid={`concern-${concern.key}`}>
      <td className={styles.key}>{concern.key}</td>
      <td colSpan={4}>
        <form className={styles.editForm} onSubmit={save} noValidate aria-label={`Edit ${concern.name}`}>
          <Field name="name" label="Name" prefix={prefix} errors={errors}>
            <input {...input("name")} maxLength={TEXT_MAX.name} />
          </Field>
          <Field name="home" label="Home" prefix={prefix} errors={errors}>
            <select {...input("home")}>
              <HomeOptions />
            </select>
          </Field>
          <Field name="description" label="Description" prefix={prefix} errors={errors} className={styles.wide}>
            <textarea {...input("description")} rows={2} maxLength={TEXT_MAX.description} />
          </Field>
          <div className={`${styles.wide} ${styles.rowActions}`}>
            <button type="submit" className="button button-primary" disabled={pending}>
              {pending ? "Saving…" : "Save"}
            </button>
            <button type="button" className="button button-quiet" onClick={onDone} disabled={pending}>
              Cancel
            </button>
          </div>
          <div className={styles.wide}>
            <FormError message={message} testId={`concern-error-${concern.key}`} />
          </div>
        </form>
      </td>
    </tr>
  );
}
