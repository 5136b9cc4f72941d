"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { mailPasswordReset } from "@/lib/accounts/account-mail";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { forgotPasswordSchema } from "@/lib/accounts/schemas";
import { describeRetryAfter } from "@/lib/auth/throttle";
import { readEnvironment } from "@/lib/config/environment";
import { clientAddressOf } from "@/lib/security/client-address";

export interface ForgotPasswordState {
  error?: string;
  email?: string;
  /** Set once asked: the same answer whether or not the email is known. */
  sentTo?: string;
}

/** Asks for a reset link. The mail goes out after the answer, so the answer's timing says nothing either. */
export async function forgotPasswordAction(_previous: ForgotPasswordState, formData: FormData): Promise<ForgotPasswordState> {
  const typed = String(formData.get("email") ?? "").slice(0, 254);
  const parsed = forgotPasswordSchema.safeParse({ email: typed });
  if (!parsed.success) return { error: "Enter the email address you sign in with.", email: typed };
  const clientAddress = clientAddressOf((await headers()).get("x-forwarded-for"), readEnvironment().TANDEM_TRUSTED_PROXIES);
  const outcome = await requestPasswordReset(parsed.data.email, clientAddress);
  if (outcome.kind === "throttled") return { error: `Too many requests. ${describeRetryAfter(outcome.retryAfterMs)}`, email: typed };
  const { reset } = outcome;
  if (reset) after(() => mailPasswordReset(reset));
  return { sentTo: parsed.data.email };
}
