"use client";

import { useState } from "react";
import { FormError } from "@/components/forms/form-feedback";
import { readForm, useWrite } from "@/components/forms/use-write";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/people/schemas";
import { PasswordField } from "@/components/forms/password-field";

/** An admin sets a new password; it is typed twice because nobody can read it back afterwards. */
export function PasswordForm({ personId, name }: { personId: number; name: string }) {
  const { pending, errors, message, send, setErrors, setMessage } = useWrite();
  const [done, setDone] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = readForm(element);
    setDone(false);
    if (form.text("password") !== form.text("repeat")) {
      setErrors({ repeat: ["The two passwords differ."] });
      setMessage(null);
      return;
    }
    const result = await send(
      `/api/people/${personId}/password`,
      { password: form.text("password") },
      { fields: ["password"] },
    );
    if (result.ok) {
      element.reset();
      setDone(true);
    }
  }

  return (
    <form className="form" method="post" onSubmit={submit} noValidate aria-label="Set password">
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
      <PasswordField name="repeat" label="Repeat it" errors={errors} />
      <FormError message={message} />
      <div aria-live="polite">
        {done ? (
          <p className="notice notice-success">Password set. Give it to {name} through a safe channel.</p>
        ) : null}
      </div>
      <div className="page-actions">
        <button type="submit" className="button button-secondary" disabled={pending}>
          {pending ? "Setting…" : "Set password"}
        </button>
      </div>
    </form>
  );
}
