import { revokeInvitation } from "@/lib/accounts/invitations";
import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { inviters } from "@/lib/auth/policy";
import { emptySchema, requireRouteId } from "@/lib/people/schemas";

/** Stops a pending invitation's link from working. */
export const POST = writeRoute({
  schema: emptySchema,
  policy: inviters,
  handle: ({ tx, params, audit }: WriteContext<object, { id: string }>) => revokeInvitation(tx, requireRouteId(params.id, "invitation"), audit),
});
