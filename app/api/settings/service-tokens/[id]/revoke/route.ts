import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { settingsManagers } from "@/lib/auth/policy";
import { emptySchema, requireRouteId } from "@/lib/people/schemas";
import { revokeToken } from "@/lib/tokens/tokens";

/** Revokes a service token, whichever admin made it. */
export const POST = writeRoute({
  schema: emptySchema,
  policy: settingsManagers,
  handle: ({ tx, params, audit }: WriteContext<object, { id: string }>) => revokeToken(tx, requireRouteId(params.id, "token"), null, audit),
});
