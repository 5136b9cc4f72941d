"use server";

import { completeSetup } from "@/lib/accounts/setup";
import { setupSchema } from "@/lib/accounts/schemas";
import { parseInput } from "@/lib/api/parse-input";
import { signIn } from "@/lib/auth/auth";
import { singleSignOnSettings } from "@/lib/auth/sso-settings";
import { AppError, type FieldErrors } from "@/lib/errors";

export interface SetupState {
  error?: string;
  fieldErrors?: FieldErrors;
  /** What was typed (never the password), so a refused form comes back filled in. */
  values?: Record<"organisationName" | "timeZone" | "name" | "email", string>;
}

/** Completes the set-up the link allows, then signs the new admin in and opens Home. */
export async function setupAction(_previous: SetupState, formData: FormData): Promise<SetupState> {
  const field = (name: string) => String(formData.get(name) ?? "");
  const values = { organisationName: field("organisationName"), timeZone: field("timeZone"), name: field("name"), email: field("email") };
  try {
    const input = parseInput(setupSchema, { ...values, token: field("token"), password: field("password") });
    await completeSetup(input, { singleSignOn: singleSignOnSettings() !== null });
    await signIn("credentials", { email: input.email, password: input.password, redirectTo: "/" });
    return {};
  } catch (error) {
    // A successful sign-in throws Next's redirect, which must travel on.
    if (error instanceof AppError) return { error: error.message, fieldErrors: error.details.fieldErrors, values };
    throw error;
  }
}
