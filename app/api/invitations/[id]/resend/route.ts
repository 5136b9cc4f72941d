import { mailInvitations } from "@/lib/accounts/account-mail";
import { resendInvitation } from "@/lib/accounts/invitations";
import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { inviters } from "@/lib/auth/policy";
import { emptySchema, requireRouteId } from "@/lib/people/schemas";

/** A new link for an invitation not yet accepted (the old one stops working), mailed again. */
export const POST = writeRoute({
  schema: emptySchema,
  policy: inviters,
  handle: ({ tx, user, params, audit }: WriteContext<object, { id: string }>) => resendInvitation(tx, user.id, requireRouteId(params.id, "invitation"), audit),
  afterCommit: async (invitation, { user }) => ({ deliveries: await mailInvitations([invitation], user.name) }),
});
