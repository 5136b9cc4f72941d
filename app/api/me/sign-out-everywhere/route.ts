import { writeRoute } from "@/lib/api/write-route";
import { anySignedIn } from "@/lib/auth/policy";
import { clearSessionCookie } from "@/lib/auth/session-cookie";
import { signOutEverywhere } from "@/lib/people/account";
import { emptySchema } from "@/lib/people/schemas";

/** Ends every session of the signed-in person, on every device and in this browser. */
export const POST = writeRoute({
  schema: emptySchema,
  policy: anySignedIn,
  handle: async ({ tx, user }) => {
    await signOutEverywhere(tx, user.id);
    return { signedOut: true };
  },
  afterCommit: async (data) => {
    // This session signed in before the change, so it has ended with the others; its cookie goes too.
    await clearSessionCookie();
    return data;
  },
});
