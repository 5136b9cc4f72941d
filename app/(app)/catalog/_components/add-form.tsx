"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { fieldProps, FormError } from "@/components/forms/form-feedback";
import { useWrite } from "@/components/forms/use-write";
import type { FieldErrors } from "@/lib/errors";
import styles from "../catalog.module.css";

type InputProps = ReturnType<typeof fieldProps> & {
  value: string;
  onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => void;
};

/**
 * Adds an entry to the catalog, then empties itself for the next one and says what it added. Its inputs
 * are controlled, so a refused save keeps what was typed; their ids start with `prefix`, as the page holds
 * several forms.
 */
export function AddForm<Name extends string, Saved>({
  label,
  url,
  empty,
  prefix,
  submitLabel,
  added,
  children,
}: {
  label: string;
  url: string;
  empty: Record<Name, string>;
  prefix: string;
  submitLabel: string;
  /** The sentence said once the server saved the entry. */
  added: (saved: Saved) => string;
  children: (input: (name: Name, hasHint?: boolean) => InputProps, errors: FieldErrors | undefined) => ReactNode;
}) {
  const router = useRouter();
  const { pending, errors, message, send } = useWrite();
  const [values, setValues] = useState(empty);
  const [created, setCreated] = useState<string | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const result = await send<Saved>(url, values);
    if (result.ok) {
      setValues(empty);
      setCreated(added(result.data));
      router.refresh();
    }
  }

  const input = (name: Name, hasHint = false): InputProps => ({
    ...fieldProps(name, errors, prefix, hasHint),
    value: values[name],
    onChange: (event) => setValues({ ...values, [name]: event.target.value }),
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={label}>
      {children(input, errors)}
      <FormError message={message} testId={`${prefix}error`} />
      <div>
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Adding…" : submitLabel}
        </button>
      </div>
      <p className={styles.success} aria-live="polite">
        {created}
      </p>
    </form>
  );
}
