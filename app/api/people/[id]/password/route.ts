import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { setPersonPassword } from "@/lib/people/actions";
import { requireRouteId, setPasswordSchema, type SetPasswordInput } from "@/lib/people/schemas";

export const POST = writeRoute(
  setPasswordSchema,
  ({ tx, user, input, params }: WriteContext<SetPasswordInput, { id: string }>) =>
    setPersonPassword(tx, user, requireRouteId(params.id, "person"), input),
);
