"use client";

import { useState } from "react";
import { FormError } from "@/components/forms/form-feedback";
import { readForm, useWrite } from "@/components/forms/use-write";
import { NewPasswordFields, repeatMismatch } from "@/components/forms/password-field";

/** An admin sets a new password; it is typed twice because nobody can read it back afterwards. */
export function PasswordForm({ personId, name }: { personId: number; name: string }) {
  const { pending, errors, message, send, refuse } = useWrite();
  const [done, setDone] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = readForm(element);
    setDone(false);
    const mismatch = repeatMismatch(form);
    if (mismatch) return refuse(mismatch);
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
      <NewPasswordFields errors={errors} repeatLabel="Repeat it" />
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
