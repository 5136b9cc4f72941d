import type { Metadata, Route } from "next";
import Link from "next/link";
import { InvitationActions, InviteEveryoneButton } from "@/components/people/invitations";
import { PeopleCrumbs } from "@/components/people/people-crumbs";
import { Forbidden } from "@/components/ui/forbidden";
import { listInvitablePeople, listInvitations, type InvitationStatus } from "@/lib/accounts/invitations";
import { canInvite } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { singleSignOnSettings } from "@/lib/auth/sso-settings";
import { formatDayTime } from "@/lib/catalog/format";
import { readTimeZone } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Invitations" };

const STATUS_LABEL: Record<InvitationStatus, string> = { pending: "Pending", accepted: "Accepted", expired: "Expired", revoked: "Revoked" };
const ROLE_LABEL: Record<string, string> = { admin: "Admin", manager: "Manager", viewer: "Viewer" };

/** Admins invite everyone who cannot sign in yet (after an import, say) and follow their invitations. */
export default async function InvitationsPage() {
  const user = await requireUser();
  if (!canInvite(user)) return <Forbidden what="Only admins invite people." />;
  const [invitable, invitations, timeZone] = await Promise.all([listInvitablePeople(), listInvitations(), readTimeZone()]);
  const singleSignOn = singleSignOnSettings();
  // Those with an invitation pending are in the list below, where it can be resent.
  const notYetInvited = invitable.filter((person) => person.pendingUntil === null);
  return (
    <>
      <header className="page-header">
        <PeopleCrumbs />
        <h1>Invitations</h1>
        <p className="page-lede">
          An invitation is a link, valid for 7 days and usable once, to choose a password and sign in. People who sign in through single sign-on need none.
        </p>
      </header>
      <section className="panel" aria-labelledby="invitable-heading">
        <h2 id="invitable-heading">Not invited yet</h2>
        <p className="muted">People with a role who have no password, no single sign-on identity and no invitation pending.</p>
        {singleSignOn ? (
          <p className="muted">People who will sign in with {singleSignOn.name} need no invitation: invite only those who will use a password.</p>
        ) : null}
        {notYetInvited.length === 0 ? (
          <p className="muted" data-testid="nobody-to-invite">
            Everyone with a role can sign in already, or has an invitation pending.
          </p>
        ) : (
          <>
            <div className="table-wrap">
              <table className="data-table" data-testid="invitable-people">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Role</th>
                    <th scope="col">Team</th>
                  </tr>
                </thead>
                <tbody>
                  {notYetInvited.map((person) => (
                    <tr key={person.id}>
                      <td>
                        <Link href={`/people/${person.id}` as Route}>{person.name}</Link>
                      </td>
                      <td>{person.email}</td>
                      <td>{ROLE_LABEL[person.role] ?? person.role}</td>
                      <td>{person.teamName ?? <span className="muted">no team</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        <InviteEveryoneButton count={notYetInvited.length} />
      </section>
      <section className="panel" aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">Invitations sent</h2>
        {invitations.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="invitations">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Status</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Until</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.id} data-status={invitation.status}>
                    <td>
                      <Link href={`/people/${invitation.person.id}` as Route}>{invitation.person.name}</Link>
                      <div className="muted small">{invitation.person.email}</div>
                    </td>
                    <td>
                      <span className={`status-chip status-${invitation.status}`}>{STATUS_LABEL[invitation.status]}</span>
                    </td>
                    <td>
                      {formatDayTime(invitation.createdAt, timeZone)}
                      {invitation.invitedBy ? <div className="muted small">by {invitation.invitedBy}</div> : null}
                    </td>
                    <td>{invitation.status === "accepted" && invitation.usedAt ? `Accepted ${formatDayTime(invitation.usedAt, timeZone)}` : formatDayTime(invitation.expiresAt, timeZone)}</td>
                    <td>
                      {invitation.status === "accepted" ? null : (
                        <InvitationActions personId={invitation.person.id} invitationId={invitation.id} name={invitation.person.name} pending={invitation.status === "pending"} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
