"use client";

import { useEffect, useRef, useState } from "react";
import styles from "../review.module.css";

/** Field errors and the pending state of one decision form. */
export function useFormErrors() {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);
  async function run(save: () => Promise<Record<string, string[]> | null>) {
    setPending(true);
    setErrors({});
    const refused = await save();
    setPending(false);
    if (refused) setErrors(refused);
  }
  return { errors, setErrors, pending, run };
}

interface Props {
  title: string;
  submitLabel: string;
  pending: boolean;
  errors: Record<string, string[]>;
  onSubmit: () => void;
  onCancel: () => void;
  children: React.ReactNode;
}

/**
 * The frame of a decision form under its cell: takes the focus when it opens, closes with Escape, and
 * says why a save was refused next to the buttons (field errors sit next to their fields).
 */
export function FormShell({ title, submitLabel, pending, errors, onSubmit, onCancel, children }: Props) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, []);
  const general = errors._;
  return (
    <form
      ref={ref}
      className={styles.decisionForm}
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        }
        // Enter in a person search picks nobody: it must not save the form half-filled.
        if (event.key === "Enter" && event.target instanceof HTMLInputElement && event.target.type === "search") {
          event.preventDefault();
        }
      }}
    >
      <h3>{title}</h3>
      {children}
      <div className={styles.formActions}>
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
        <span className={`muted ${styles.hint}`}>Esc closes without saving.</span>
      </div>
      <div aria-live="polite">{general?.length ? <p className="form-error">{general.join(" ")}</p> : null}</div>
    </form>
  );
}
