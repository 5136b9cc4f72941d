import type { Metadata } from "next";
import Link from "next/link";
import { passwordResetAvailable } from "@/lib/accounts/password-reset";
import { AuthCard } from "../_components/auth-card";
import { ForgotPasswordForm } from "./_components/forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };
// Whether mail goes anywhere is the running server's configuration (SMTP_URL, TANDEM_MAILBOX), not the build's:
// prerendered, a Docker image built without them would say "sends no mail" whatever it is started with.
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  return (
    <AuthCard lede="Forgot your password? We mail you a link to choose a new one.">
      {passwordResetAvailable() ? (
        <ForgotPasswordForm />
      ) : (
        <p className="notice notice-warning" data-testid="reset-unavailable">
          This Tandem sends no mail, so it cannot send you a link. Ask an admin of your organisation to set a new password for you.
        </p>
      )}
      <p className="auth-footer">
        <Link href="/sign-in">Back to sign-in</Link>
      </p>
    </AuthCard>
  );
}
