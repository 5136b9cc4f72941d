import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { refineNewPassword } from "@/lib/auth/password-policy";
import { catalogEditors } from "@/lib/auth/policy";
import { endEarlierSessions } from "@/lib/auth/session-validity";
import { setPersonPassword } from "@/lib/people/actions";
import { requireRouteId, setPasswordSchema, type SetPasswordInput } from "@/lib/people/schemas";

export const POST = writeRoute({
  // The password rules of lib/auth (72 bytes at most, no common password) on top of the length.
  schema: setPasswordSchema.superRefine(refineNewPassword),
  policy: catalogEditors,
  handle: async ({ tx, user, input, params }: WriteContext<SetPasswordInput, { id: string }>) => {
    const id = requireRouteId(params.id, "person");
    const result = await setPersonPassword(tx, user, id, input);
    // A new password is set because the old one may be known: so may a session made with it.
    await endEarlierSessions(tx, id);
    return result;
  },
});
