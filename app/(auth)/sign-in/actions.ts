"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { OIDC_PROVIDER_ID } from "@/lib/auth/sso-settings";
import { describeRetryAfter } from "@/lib/auth/throttle";

export interface SignInState {
  error?: string;
  email?: string;
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "").slice(0, 254);
  const password = String(formData.get("password") ?? "");
  if (!email || !password) return { error: "Enter your email and password.", email };
  try {
    await signIn("credentials", {
      email,
      password,
      redirectTo: safeCallbackPath(formData.get("callbackUrl")),
    });
    return {};
  } catch (error) {
    // A successful sign-in throws Next's redirect, which must travel on.
    if (error instanceof CredentialsSignin && error.code.startsWith("throttled-")) {
      const minutes = Number(error.code.slice("throttled-".length));
      return { error: `Too many failed attempts. ${describeRetryAfter(minutes * 60_000)}`, email };
    }
    if (error instanceof AuthError) return { error: "Wrong email or password.", email };
    throw error;
  }
}

/**
 * Sends the browser to the SSO provider; it comes back through /api/auth/callback/oidc. When the provider
 * cannot be reached, Auth.js sends it back to the sign-in page with `error=Configuration` instead.
 */
export async function singleSignOnAction(formData: FormData): Promise<void> {
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeCallbackPath(formData.get("callbackUrl")) });
}
