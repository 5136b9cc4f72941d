import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { anySignedIn } from "@/lib/auth/policy";
import { emptySchema, requireRouteId } from "@/lib/people/schemas";
import { revokeToken } from "@/lib/tokens/tokens";

/** Revokes one of the signed-in person's own tokens; someone else's answers 404, as if it did not exist. */
export const POST = writeRoute({
  schema: emptySchema,
  policy: anySignedIn,
  handle: ({ tx, user, params, audit }: WriteContext<object, { id: string }>) => revokeToken(tx, requireRouteId(params.id, "token"), user.id, audit),
});
