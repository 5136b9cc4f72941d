"use client";

import { useFormStatus } from "react-dom";
import { singleSignOnAction } from "../actions";

/** "Sign in with <provider>": shown above the password form when SSO is configured. */
export function SingleSignOnForm({ providerName, callbackUrl }: { providerName: string; callbackUrl?: string }) {
  return (
    <form action={singleSignOnAction} className="form">
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/"} />
      <SubmitButton providerName={providerName} />
    </form>
  );
}

function SubmitButton({ providerName }: { providerName: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="button button-secondary" disabled={pending}>
      {pending ? `Going to ${providerName}…` : `Sign in with ${providerName}`}
    </button>
  );
}
