import type { Metadata } from "next";
import Link from "next/link";
import { describePasswordLink, type PasswordLinkView } from "@/lib/accounts/choose-password";
import { formatDayTime } from "@/lib/catalog/format";
import { readOrganisationSettings } from "@/lib/settings/queries";
import { AuthCard } from "../_components/auth-card";
import { ChoosePasswordForm } from "./_components/choose-password-form";

export const metadata: Metadata = { title: "Choose your password", referrer: "no-referrer" };

/** Why a link no longer works, and what to do instead. */
const DEAD_LINK: Record<Exclude<PasswordLinkView["state"], "usable">, string> = {
  used: "This link was used already: each works once. Sign in with the password you chose.",
  expired: "This link has expired.",
  revoked: "This link was withdrawn: a newer one was sent, or an admin revoked it.",
};

/** Opened from an invitation, a password reset or `npm run admin:create`: the person chooses a password and is signed in. */
export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const [link, settings] = await Promise.all([describePasswordLink(token), readOrganisationSettings()]);
  const state = link?.state;
  if (!link || state !== "usable") {
    const reason = state && state !== "usable" ? DEAD_LINK[state] : "This link is not valid: check that it was copied whole.";
    const next = link?.purpose === "invitation" ? "Ask an admin of your organisation to send a new invitation." : "Ask for a new link where you got this one.";
    return (
      <AuthCard lede="This link does not work.">
        <p className="notice notice-warning" role="alert" data-testid="dead-link">
          {reason} {state === "used" ? null : next}
        </p>
        <p className="auth-footer">
          <Link href="/sign-in">Go to sign-in</Link>
        </p>
      </AuthCard>
    );
  }
  const lede =
    link.purpose === "invitation"
      ? `Welcome to Tandem, ${link.person.name}. ${settings.name} invited you: choose a password to sign in.`
      : `Choose a new password, ${link.person.name}.`;
  return (
    <AuthCard lede={lede}>
      <ChoosePasswordForm token={token!} email={link.person.email} expiresAt={formatDayTime(link.expiresAt, settings.timeZone)} />
    </AuthCard>
  );
}
