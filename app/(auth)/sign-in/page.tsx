import type { Metadata, Route } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { passwordResetAvailable } from "@/lib/accounts/password-reset";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { getCurrentUser } from "@/lib/auth/session";
import { describeSignInError } from "@/lib/auth/sign-in-errors";
import { singleSignOnSettings } from "@/lib/auth/sso-settings";
import { AuthCard } from "../_components/auth-card";
import { SignInForm } from "./_components/sign-in-form";
import { SingleSignOnForm } from "./_components/single-sign-on-form";

export const metadata: Metadata = { title: "Sign in" };

interface SignInSearchParams {
  callbackUrl?: string;
  /** Set when a sign-in through the SSO provider was refused or failed (lib/auth/sign-in-errors.ts). */
  error?: string;
  email?: string;
  /** Set by My account after it ended this browser's session (app/(app)/account). */
  notice?: string;
}

/** Why a person who was signed in is on the sign-in page; anything else in `notice` is ignored. */
const NOTICES: Record<string, string> = {
  "password-changed": "Your password was changed and every session ended. Sign in with your new password.",
  "signed-out-everywhere": "You are signed out on every device.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<SignInSearchParams> }) {
  const { callbackUrl, error, email, notice } = await searchParams;
  if (await getCurrentUser()) redirect(safeCallbackPath(callbackUrl) as Route);
  const singleSignOn = singleSignOnSettings();
  const errorMessage = describeSignInError(error, email);
  const noticeMessage = notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : null;
  return (
    <AuthCard lede="Who owns what between Marketing and IT.">
      {noticeMessage ? (
        <p className="notice notice-success" role="status" data-testid="sign-in-notice">
          {noticeMessage}
        </p>
      ) : null}
      {errorMessage ? (
        <p className="notice notice-error" role="alert" data-testid="sign-in-refused">
          {errorMessage}
        </p>
      ) : null}
      {singleSignOn ? (
        <>
          <SingleSignOnForm providerName={singleSignOn.name} callbackUrl={callbackUrl} />
          <p className="auth-divider">or with your password</p>
        </>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
      {passwordResetAvailable() ? (
        <p className="auth-footer">
          <Link href="/forgot-password">Forgot your password?</Link>
        </p>
      ) : null}
    </AuthCard>
  );
}
