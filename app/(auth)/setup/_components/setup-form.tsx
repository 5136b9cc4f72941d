"use client";

import { useActionState, useEffect, useRef } from "react";
import { Field, fieldProps, FormError } from "@/components/forms/form-feedback";
import { PasswordField } from "@/components/forms/password-field";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import { setupAction, type SetupState } from "../actions";


/** `timeZones`: the server's list, so that the page renders the same on both sides. */
export function SetupForm({ token, timeZones }: { token: string; timeZones: string[] }) {
  const [state, formAction, pending] = useActionState<SetupState, FormData>(setupAction, {});
  const timeZoneInput = useRef<HTMLInputElement>(null);
  // The browser's own zone is the likeliest answer. Filled in after hydration: the server cannot know it.
  useEffect(() => {
    if (timeZoneInput.current && !timeZoneInput.current.value) timeZoneInput.current.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  }, []);
  const errors = state.fieldErrors;
  const typed = state.values;
  return (
    <form action={formAction} className="form" noValidate>
      <input type="hidden" name="token" value={token} />
      <fieldset className="form-section">
        <legend>Your organisation</legend>
        <Field name="organisationName" label="Name" errors={errors}>
          <input {...fieldProps("organisationName", errors)} required maxLength={200} autoFocus autoComplete="organization" defaultValue={typed?.organisationName} />
        </Field>
        <Field name="timeZone" label="Time zone" errors={errors} hint="Review weeks and due times count in it.">
          <input {...fieldProps("timeZone", errors, "", true)} required maxLength={TEXT_MAX.timeZone} list="time-zones" defaultValue={typed?.timeZone} ref={timeZoneInput} />
        </Field>
        <datalist id="time-zones">
          {timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </fieldset>
      <fieldset className="form-section">
        <legend>You, its first admin</legend>
        <Field name="name" label="Your name" errors={errors}>
          <input {...fieldProps("name", errors)} required maxLength={TEXT_MAX.name} autoComplete="name" defaultValue={typed?.name} />
        </Field>
        <Field name="email" label="Email" errors={errors}>
          <input {...fieldProps("email", errors)} type="email" required maxLength={TEXT_MAX.email} autoComplete="username" defaultValue={typed?.email} />
        </Field>
        <PasswordField name="password" label="Password" errors={errors} />
      </fieldset>
      <FormError message={state.error ?? null} />
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? "Setting up…" : "Set up and sign in"}
      </button>
    </form>
  );
}
