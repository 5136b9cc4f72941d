"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { CopyableValue } from "@/components/ui/copyable-value";
import { postJson } from "@/lib/api/post-json";
import type { LinkDelivery } from "@/lib/accounts/account-mail";

/**
 * Sending, resending and revoking invitations. After sending, each person's line says whether their mail went
 * out; where it did not (mail not configured, or the server refused), the admin gets the link to pass on.
 */

type Answer = { deliveries: LinkDelivery[] };

function describeOutcome(delivery: LinkDelivery): string {
  switch (delivery.outcome.status) {
    case "sent":
      return `Mailed to ${delivery.email}.`;
    case "not-configured":
      return "Not mailed (this Tandem sends no mail): pass the link on yourself.";
    case "failed":
      return `The mail could not be sent (${delivery.outcome.error}): pass the link on yourself.`;
  }
}

export function DeliveryList({ deliveries }: { deliveries: LinkDelivery[] }) {
  return (
    <ul className="delivery-list" data-testid="invitation-deliveries" aria-live="polite">
      {deliveries.map((delivery) => (
        <li key={delivery.personId} data-status={delivery.outcome.status}>
          <strong>{delivery.name}</strong> <span className="muted">{describeOutcome(delivery)}</span>
          {delivery.link ? <CopyableValue value={delivery.link} label={`Invitation link for ${delivery.name}`} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** One write about invitations, its pending state, its refusal and, for sends, what became of each mail. */
function useInvitationWrite() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [deliveries, setDeliveries] = useState<LinkDelivery[] | null>(null);
  async function send(url: string, body: unknown) {
    setPending(true);
    setError(null);
    const result = await postJson<Answer | { id: number }>(url, body);
    setPending(false);
    if (!result.ok) return setError(result.error);
    if ("deliveries" in result.data) setDeliveries(result.data.deliveries);
    router.refresh();
  }
  const feedback = (
    <>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {deliveries ? <DeliveryList deliveries={deliveries} /> : null}
    </>
  );
  return { pending, send, feedback };
}

/**
 * "Invite these N people": everyone who cannot sign in yet and has no invitation pending. Rendered even when
 * nobody is left (`count` 0, no button), so that what the last send did, and the links to pass on, stay on the
 * page after it reloads its lists.
 */
export function InviteEveryoneButton({ count }: { count: number }) {
  const { pending, send, feedback } = useInvitationWrite();
  return (
    <div className="invite-action">
      {count > 0 ? (
        <button type="button" className="button button-primary" disabled={pending} onClick={() => send("/api/invitations", { everyoneNotYetInvited: true })}>
          {pending ? "Inviting…" : `Invite ${count === 1 ? "this person" : `these ${count} people`}`}
        </button>
      ) : null}
      {feedback}
    </div>
  );
}

/**
 * One person's invitation: "Invite" when they have none, otherwise resend it (a new link, mailed again) or, while
 * pending, revoke it. One component for all three, so that the outcome of a send stays shown when the page reloads.
 */
export function InvitationActions({ personId, name, invitationId, pending: isPending }: { personId: number; name: string; invitationId: number | null; pending: boolean }) {
  const { pending, send, feedback } = useInvitationWrite();
  return (
    <div className="invite-action">
      <div className="page-actions">
        {invitationId === null ? (
          <button type="button" className="button button-primary" disabled={pending} onClick={() => send("/api/invitations", { personIds: [personId] })}>
            {pending ? "Inviting…" : `Invite ${name}`}
          </button>
        ) : (
          <button type="button" className="button button-secondary" disabled={pending} onClick={() => send(`/api/invitations/${invitationId}/resend`, {})} aria-label={`Resend the invitation to ${name}`}>
            Resend
          </button>
        )}
        {invitationId !== null && isPending ? (
          <button type="button" className="button button-quiet" disabled={pending} onClick={() => send(`/api/invitations/${invitationId}/revoke`, {})} aria-label={`Revoke the invitation to ${name}`}>
            Revoke
          </button>
        ) : null}
      </div>
      {feedback}
    </div>
  );
}
