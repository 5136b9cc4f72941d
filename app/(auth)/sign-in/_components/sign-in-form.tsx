"use client";

import { useActionState } from "react";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import { signInAction, type SignInState } from "../actions";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={formAction} className="form" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/"} />
      <label className="field">
        <span>Email</span>
        <input name="email" type="email" autoComplete="username" required maxLength={TEXT_MAX.email} defaultValue={state.email} autoFocus />
      </label>
      <label className="field">
        <span>Password</span>
        <input name="password" type="password" autoComplete="current-password" required maxLength={TEXT_MAX.password} />
      </label>
      <div aria-live="polite" className="form-error" data-testid="form-error" role={state.error ? "alert" : undefined}>
        {state.error}
      </div>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
