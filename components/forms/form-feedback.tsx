import type { ReactNode } from "react";
import type { FieldErrors } from "@/lib/errors";
import styles from "./forms.module.css";

/**
 * What every form says when a save is refused. Inputs are named `${prefix}${name}`, their errors
 * `${prefix}${name}-error`, so a page with several forms keeps its ids unique.
 */

/**
 * The error under one field, in a live region so a screen reader hears it when it appears.
 * The region is always rendered: live regions announce changes, not their first appearance.
 */
export function FieldError({ id, messages }: { id?: string; messages: string[] | undefined }) {
  return (
    <span id={id} className="field-error" aria-live="polite" data-testid={id}>
      {messages?.join(" ")}
    </span>
  );
}

/** The form-level message: why nothing was saved, announced at once. */
export function FormError({ message, testId = "form-error" }: { message: string | null; testId?: string }) {
  return (
    <div className="form-error" role={message ? "alert" : undefined} aria-live="assertive" data-testid={testId}>
      {message}
    </div>
  );
}

/** Props tying an input to its label, hint and error message. */
export function fieldProps(name: string, errors: FieldErrors | undefined, prefix = "", hasHint = false) {
  const id = `${prefix}${name}`;
  return {
    id,
    name,
    "aria-describedby": hasHint ? `${id}-hint ${id}-error` : `${id}-error`,
    "aria-invalid": errors?.[name]?.length ? true : undefined,
  };
}

/**
 * A labelled field with its hint and error outside the label, so the input's accessible name is the
 * label alone and the hint and error are read as its description.
 */
export function Field({
  name,
  label,
  prefix = "",
  errors,
  hint,
  optional,
  className,
  children,
}: {
  name: string;
  label: ReactNode;
  prefix?: string;
  errors: FieldErrors | undefined;
  hint?: string;
  optional?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={`${prefix}${name}`}>
        {label}
        {optional ? <span className={styles.hint}> (optional)</span> : null}
      </label>
      {children}
      {hint ? (
        <span id={`${prefix}${name}-hint`} className={styles.hint}>
          {hint}
        </span>
      ) : null}
      <FieldError id={`${prefix}${name}-error`} messages={errors?.[name]} />
    </div>
  );
}
