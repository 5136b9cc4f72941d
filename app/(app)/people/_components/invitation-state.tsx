import { InvitationActions } from "@/components/people/invitations";
import type { getInvitationState } from "@/lib/accounts/invitations";
import { formatDayTime } from "@/lib/catalog/format";

/** On a person's page, for admins: their invitation, and what can be done about it. */
export function InvitationState({
  invitation,
  name,
  personId,
  timeZone,
}: {
  invitation: Awaited<ReturnType<typeof getInvitationState>>;
  name: string;
  personId: number;
  timeZone: string;
}) {
  const { latest, invitable } = invitation;
  const status =
    latest?.status === "pending"
      ? `Invited ${formatDayTime(latest.createdAt, timeZone)}; the link works until ${formatDayTime(latest.expiresAt, timeZone)}.`
      : latest?.status === "accepted"
        ? `Accepted the invitation ${latest.usedAt ? formatDayTime(latest.usedAt, timeZone) : ""}.`
        : latest
          ? `The invitation of ${formatDayTime(latest.createdAt, timeZone)} ${latest.status === "expired" ? "expired" : "was revoked"}.`
          : null;
  return (
    <div data-testid="invitation-state">
      {status ? <div className="muted small">{status}</div> : null}
      {invitable ? (
        <InvitationActions personId={personId} name={name} invitationId={latest && latest.status !== "accepted" ? latest.id : null} pending={latest?.status === "pending"} />
      ) : null}
    </div>
  );
}
