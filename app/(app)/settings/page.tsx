import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden } from "@/components/ui/forbidden";
import { requireUser } from "@/lib/auth/session";
import { mailboxIsOn } from "@/lib/mail/mailbox";
import { readOrganisationSettings } from "@/lib/settings/queries";
import { SettingsForm } from "./_components/settings-form";

export const metadata: Metadata = { title: "Settings & users" };

export default async function SettingsPage() {
  const user = await requireUser();
  if (user.role !== "admin") return <Forbidden what="Settings and users are for admins." />;
  const settings = await readOrganisationSettings();
  return (
    <>
      <header className="page-header">
        <h1>Settings & users</h1>
        <p className="page-lede">The organisation&rsquo;s review time zone and the thresholds of the gap rules.</p>
      </header>
      <section className="panel" aria-labelledby="settings-heading">
        <h2 id="settings-heading">Organisation</h2>
        <SettingsForm
          initial={{
            name: settings.name,
            timeZone: settings.timeZone,
            staleAfterDays: settings.staleAfterDays,
            overloadHighCriticalCells: settings.overloadHighCriticalCells,
            overloadConcernSharePct: settings.overloadConcernSharePct,
            overloadConcernMinCells: settings.overloadConcernMinCells,
          }}
        />
      </section>
      <section className="panel" aria-labelledby="users-heading">
        <h2 id="users-heading">Users and roles</h2>
        <p className="muted">People sign in with the role set on their page: admin, manager, viewer, or none (owns cells, never signs in). Those without a password or single sign-on get an invitation to choose one.</p>
        <div className="page-actions">
          <Link className="button button-secondary" href="/people">
            Manage people and roles
          </Link>
          <Link className="button button-secondary" href="/people/invitations">
            Invite people
          </Link>
        </div>
      </section>
      <section className="panel" aria-labelledby="import-export-heading">
        <h2 id="import-export-heading">Import and export</h2>
        <p className="muted">People, assets and ownership as CSV files: preview and import them, or download them.</p>
        <Link className="button button-secondary" href="/settings/import">
          Import and export
        </Link>
      </section>
      <section className="panel" aria-labelledby="notifications-heading">
        <h2 id="notifications-heading">Notifications</h2>
        <p className="muted">Chat webhooks for the organisation and each team, what people get by default, a test message, and the delivery log.</p>
        <Link className="button button-secondary" href="/settings/notifications">
          Notification settings
        </Link>
      </section>
      <section className="panel" aria-labelledby="service-tokens-heading">
        <h2 id="service-tokens-heading">Service tokens</h2>
        <p className="muted">API tokens of the organisation, for systems such as a CMDB or a BI tool, each with the role you give it.</p>
        <Link className="button button-secondary" href="/settings/service-tokens">
          Service tokens
        </Link>
      </section>
      <section className="panel" aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">Webhooks</h2>
        <p className="muted">Signed events for your other systems when cells, gaps, reviews and people change, with their delivery log.</p>
        <Link className="button button-secondary" href="/settings/webhooks">
          Webhooks
        </Link>
      </section>
      {mailboxIsOn() && (
        <section className="panel" aria-labelledby="mailbox-heading">
          <h2 id="mailbox-heading">Mailbox</h2>
          <p className="muted">Tandem keeps a copy of the mail it sends: read the invitations, password resets and notifications, and follow their links.</p>
          <Link className="button button-secondary" href="/settings/mailbox">
            Open the mailbox
          </Link>
        </section>
      )}
    </>
  );
}
