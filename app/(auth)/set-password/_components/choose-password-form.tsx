"use client";

import { useActionState } from "react";
import { FormError } from "@/components/forms/form-feedback";
import { PasswordField } from "@/components/forms/password-field";
import { choosePasswordAction, type ChoosePasswordState } from "../actions";

export function ChoosePasswordForm({ token, email, expiresAt }: { token: string; email: string; expiresAt: string }) {
  const [state, formAction, pending] = useActionState<ChoosePasswordState, FormData>(choosePasswordAction, {});
  return (
    <form action={formAction} className="form" noValidate>
      <input type="hidden" name="token" value={token} />
      <div className="field">
        <label htmlFor="email">Email</label>
        {/* Read-only, and there so that a password manager files the new password under this account. */}
        <input id="email" type="email" autoComplete="username" value={email} readOnly />
      </div>
      <PasswordField name="password" label="New password" errors={state.fieldErrors} />
      <p className="muted small">At least 12 characters; a few unrelated words make a good one. This link works once, until {expiresAt}.</p>
      <FormError message={state.error ?? null} />
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? "Saving…" : "Set password and sign in"}
      </button>
    </form>
  );
}
