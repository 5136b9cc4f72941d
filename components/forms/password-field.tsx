import type { ReactNode } from "react";
import { Field, fieldProps } from "./form-feedback";
import type { FieldErrors } from "@/lib/errors";
import { PASSWORD_MAX } from "@/lib/people/schemas";

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
