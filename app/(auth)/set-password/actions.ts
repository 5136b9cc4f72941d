"use server";

import { choosePassword } from "@/lib/accounts/choose-password";
import { choosePasswordSchema } from "@/lib/accounts/schemas";
import { parseInput } from "@/lib/api/parse-input";
import { signIn } from "@/lib/auth/auth";
import { AppError, type FieldErrors } from "@/lib/errors";

export interface ChoosePasswordState {
  error?: string;
  fieldErrors?: FieldErrors;
}

/** Sets the password a one-time link allows, then signs the person in with it and opens Home. */
export async function choosePasswordAction(_previous: ChoosePasswordState, formData: FormData): Promise<ChoosePasswordState> {
  try {
    const input = parseInput(choosePasswordSchema, { token: String(formData.get("token") ?? ""), password: String(formData.get("password") ?? "") });
    const { email } = await choosePassword(input);
    await signIn("credentials", { email, password: input.password, redirectTo: "/" });
    return {};
  } catch (error) {
    // A successful sign-in throws Next's redirect, which must travel on.
    if (error instanceof AppError) return { error: error.message, fieldErrors: error.details.fieldErrors };
    throw error;
  }
}
