import type { ReactNode } from "react";
import { Field, fieldProps } from "./form-feedback";
import type { FieldErrors } from "@/lib/errors";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/people/schemas";

/** A password being chosen: the browser offers to generate one rather than fill in a saved one. */
export function PasswordField({
  name,
  label,
  errors,
}: {
  name: string;
  label: ReactNode;
  errors: FieldErrors | undefined;
}) {
  return (
    <Field name={name} label={label} errors={errors}>
      <input
        {...fieldProps(name, errors)}
        type="password"
        autoComplete="new-password"
        maxLength={PASSWORD_MAX}
      />
    </Field>
  );
}

/** A new password typed twice, because nobody can read it back afterwards; `repeatLabel` names the second field. */
export function NewPasswordFields({ errors, repeatLabel }: { errors: FieldErrors | undefined; repeatLabel: string }) {
  return (
    <>
      <PasswordField
        name="password"
        label={
          <>
            New password{" "}
            <span className="muted">
              ({PASSWORD_MIN} to {PASSWORD_MAX} characters)
            </span>
          </>
        }
        errors={errors}
      />
      <PasswordField name="repeat" label={repeatLabel} errors={errors} />
    </>
  );
}

/** The refusal when the two fields of `NewPasswordFields` differ, for the form to show before sending anything. */
export function repeatMismatch(form: { text: (name: string) => string }): FieldErrors | null {
  return form.text("password") === form.text("repeat") ? null : { repeat: ["The two passwords differ."] };
}
