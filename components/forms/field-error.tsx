import styles from "@/components/people/people.module.css";

export type FieldErrors = Record<string, string[]> | undefined;

/** A field's first error, announced when it appears; the input names it with aria-describedby={`${field}-error`}. */
export function FieldError({ field, errors }: { field: string; errors: FieldErrors }) {
  return (
    <p id={`${field}-error`} className={`field-error ${styles.fieldError}`} aria-live="polite">
      {errors?.[field]?.[0] ?? ""}
    </p>
  );
}

/** The form's own message (refusal, conflict, network), announced at once. */
export function FormMessage({ message }: { message: string | null }) {
  return (
    <div
      className="form-error"
      role={message ? "alert" : undefined}
      aria-live="assertive"
      data-testid="form-error"
    >
      {message}
    </div>
  );
}
