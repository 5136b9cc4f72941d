import type { Metadata, Route } from "next";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { getCurrentUser } from "@/lib/auth/session";
import { describeSignInError } from "@/lib/auth/sign-in-errors";
import { singleSignOnSettings } from "@/lib/auth/sso-settings";
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
    <main className="auth-page">
      <div className="auth-card">
        <div className="brand brand-large">
          <BrandMark />
          <span>Tandem</span>
        </div>
        <p className="auth-lede">Who owns what between Marketing and IT.</p>
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
      </div>
    </main>
  );
}

function BrandMark() {
  return (
    <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32">
      <circle cx="12" cy="16" r="6.5" fill="none" stroke="var(--marketing)" strokeWidth="3" />
      <circle cx="20" cy="16" r="6.5" fill="none" stroke="var(--it)" strokeWidth="3" />
    </svg>
  );
}
