"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, fieldProps, FormError } from "@/components/forms/form-feedback";
import { NewPasswordFields, repeatMismatch } from "@/components/forms/password-field";
import { readForm, useWrite } from "@/components/forms/use-write";
import { PASSWORD_MAX } from "@/lib/people/schemas";

/**
 * The signed-in person changes their own password. The server ends their other sessions and keeps this
 * one through a new session; when it could not (app/api/me/password/route.ts), they sign in again.
 */
export function ChangePasswordForm() {
  const router = useRouter();
  const { pending, errors, message, send, refuse } = useWrite();
  const [done, setDone] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = readForm(element);
    setDone(false);
    const mismatch = repeatMismatch(form);
    if (mismatch) return refuse(mismatch);
    const result = await send<{ staysSignedIn: boolean }>(
      "/api/me/password",
      { currentPassword: form.text("currentPassword"), password: form.text("password") },
      { fields: ["currentPassword", "password"] },
    );
    if (!result.ok) return;
    if (!result.data.staysSignedIn) {
      router.replace("/sign-in?notice=password-changed");
      return;
    }
    element.reset();
    setDone(true);
    router.refresh();
  }

  return (
    <form className="form" method="post" onSubmit={submit} noValidate aria-label="Change password">
      <Field name="currentPassword" label="Current password" errors={errors}>
        <input {...fieldProps("currentPassword", errors)} type="password" autoComplete="current-password" maxLength={PASSWORD_MAX} />
      </Field>
      <NewPasswordFields errors={errors} repeatLabel="Repeat the new password" />
      <FormError message={message} />
      <div aria-live="polite">
        {done ? (
          <p className="notice notice-success" data-testid="password-changed">
            Password changed. You are signed out on every other device; this one stays signed in.
          </p>
        ) : null}
      </div>
      <div className="page-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </button>
      </div>
    </form>
  );
}
