import { writeRoute } from "@/lib/api/write-route";
import { anySignedIn } from "@/lib/auth/policy";
import { signInAgain } from "@/lib/auth/session-cookie";
import { changeOwnPassword, changeOwnPasswordInputSchema } from "@/lib/people/account";

/**
 * The signed-in person changes their own password. Every session they had ends, on every device; this
 * browser stays signed in through a new session, made once the change is committed (lib/auth/session-cookie.ts).
 */
export const POST = writeRoute({
  schema: changeOwnPasswordInputSchema,
  policy: anySignedIn,
  handle: async ({ tx, user, input }) => {
    await changeOwnPassword(tx, user.id, input);
    return { staysSignedIn: false };
  },
  afterCommit: async (_data, { user, input }) => ({ staysSignedIn: await signInAgain(user.email, input.password) }),
});
