import { mailInvitations } from "@/lib/accounts/account-mail";
import { invitePeople } from "@/lib/accounts/invitations";
import { inviteSchema } from "@/lib/accounts/schemas";
import { writeRoute } from "@/lib/api/write-route";
import { inviters } from "@/lib/auth/policy";

/** Invites chosen people, or everyone who cannot sign in yet; the mail goes out once the invitations are saved. */
export const POST = writeRoute({
  schema: inviteSchema,
  policy: inviters,
  handle: ({ tx, user, input, audit }) => invitePeople(tx, user.id, input, audit),
  afterCommit: async (invitations, { user }) => ({ deliveries: await mailInvitations(invitations, user.name) }),
});
