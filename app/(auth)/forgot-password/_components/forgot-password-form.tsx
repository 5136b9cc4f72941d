"use client";

import { useActionState } from "react";
import { FormError } from "@/components/forms/form-feedback";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import { forgotPasswordAction, type ForgotPasswordState } from "../actions";

export function ForgotPasswordForm() {
  const [state, formAction, pending] = useActionState<ForgotPasswordState, FormData>(forgotPasswordAction, {});
  if (state.sentTo) {
    return (
      <p className="notice notice-success" role="status" data-testid="reset-requested">
        If {state.sentTo} belongs to an account, a link to choose a new password is on its way. It works once, for one hour. Nothing came? Check the
        spam folder, or ask an admin.
      </p>
    );
  }
  return (
    <form action={formAction} className="form" noValidate>
      <label className="field">
        <span>Email</span>
        <input name="email" type="email" autoComplete="username" required maxLength={TEXT_MAX.email} defaultValue={state.email} autoFocus />
      </label>
      <FormError message={state.error ?? null} />
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? "Sending…" : "Send me a link"}
      </button>
    </form>
  );
}
