import type { FieldErrors } from "@/lib/errors";
import styles from "./forms.module.css";

/**
 * Form pieces shared by the catalog's forms. Inputs are named `${prefix}${name}`, their errors
 * `${prefix}${name}-error`, so a page with several forms keeps its ids unique.
 */

/**
 * The error under one field, in a live region so a screen reader hears it when the server answers.
 * The region is always rendered: live regions announce changes, not their first appearance.
 */
export function FieldError({ name, errors, prefix = "" }: { name: string; errors: FieldErrors | undefined; prefix?: string }) {
  const messages = errors?.[name];
  return (
    <span id={`${prefix}${name}-error`} className="field-error" aria-live="polite" data-testid={`${prefix}${name}-error`}>
      {messages?.join(" ")}
    </span>
  );
}

/** The form-level message: why nothing was saved. */
export function FormError({ message, testId = "form-error" }: { message: string | null; testId?: string }) {
  return (
    <div aria-live="polite" className="form-error" data-testid={testId} role={message ? "alert" : undefined}>
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
  label: string;
  prefix?: string;
  errors: FieldErrors | undefined;
  hint?: string;
  optional?: boolean;
  className?: string;
  children: React.ReactNode;
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
      <FieldError name={name} errors={errors} prefix={prefix} />
    </div>
  );
}
