import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { catalogEditors } from "@/lib/auth/policy";
import { setPersonPassword } from "@/lib/people/actions";
import { requireRouteId, setPasswordSchema, type SetPasswordInput } from "@/lib/people/schemas";

export const POST = writeRoute({
  schema: setPasswordSchema,
  policy: catalogEditors,
  handle: ({ tx, user, input, params }: WriteContext<SetPasswordInput, { id: string }>) =>
    setPersonPassword(tx, user, requireRouteId(params.id, "person"), input),
});
