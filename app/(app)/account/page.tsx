import type { Metadata, Route } from "next";
import Link from "next/link";
import { canEditCatalog } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { singleSignOnSettings } from "@/lib/auth/sso-settings";
import { listPreferenceChoices } from "@/lib/notifications/preferences";
import { getAccount } from "@/lib/people/account";
import { ChangePasswordForm } from "./_components/change-password-form";
import { NotificationPreferencesForm } from "./_components/notification-preferences-form";
import { SignOutEverywhere } from "./_components/sign-out-everywhere";
import styles from "./account.module.css";

export const metadata: Metadata = { title: "My account" };

const ROLE_LABEL = { admin: "Admin", manager: "Manager", viewer: "Viewer", none: "None" } as const;

export default async function AccountPage() {
  const user = await requireUser();
  const [account, preferences] = await Promise.all([getAccount(user.id), listPreferenceChoices(user.id)]);
  // requireUser has just read this person: a missing row means they were deleted in between.
  if (!account) return null;
  const provider = singleSignOnSettings()?.name ?? "single sign-on";
  return (
    <>
      <header className="page-header">
        <h1>My account</h1>
        <p className="page-lede">Who you are in Tandem, what Tandem tells you, your password, your sessions and your API tokens.</p>
      </header>
      <section className={`panel ${styles.panel}`} aria-labelledby="details-heading">
        <h2 id="details-heading">Your details</h2>
        <dl className={styles.facts}>
          <div>
            <dt>Name</dt>
            <dd>{account.name}</dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>{account.email}</dd>
          </div>
          <div>
            <dt>Team</dt>
            <dd>{account.teamName ?? "No team"}</dd>
          </div>
          <div>
            <dt>Role</dt>
            <dd>{ROLE_LABEL[account.role]}</dd>
          </div>
        </dl>
        {canEditCatalog(user) ? (
          <p className={styles.note}>
            <Link href={`/people/${account.id}/edit` as Route}>Edit on your person page</Link>
          </p>
        ) : (
          <p className={`muted ${styles.note}`}>An admin changes these for you.</p>
        )}
      </section>
      <section id="notifications" className={`panel ${styles.panel}`} aria-labelledby="notifications-heading">
        <h2 id="notifications-heading">Notifications</h2>
        <p className="muted">What Tandem tells you, in its inbox (the bell) and by mail. Until you choose, each follows your organisation&apos;s default.</p>
        <NotificationPreferencesForm kinds={preferences} />
      </section>
      <section className={`panel ${styles.panel}`} aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        {account.hasPassword ? (
          <ChangePasswordForm />
        ) : (
          <p className="muted" data-testid="no-password">
            You sign in through {provider}, so you have no password in Tandem.
          </p>
        )}
      </section>
      <section className={`panel ${styles.panel}`} aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <SignOutEverywhere />
      </section>
      <section className={`panel ${styles.panel}`} aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">API tokens</h2>
        <p className="muted">Tokens let your scripts and other systems use Tandem&apos;s API as you, with your role.</p>
        <Link className="button button-secondary" href="/account/tokens">
          Manage your API tokens
        </Link>
      </section>
    </>
  );
}
