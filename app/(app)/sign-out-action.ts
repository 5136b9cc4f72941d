"use server";

import { emptyFormSchema } from "@/lib/api/schemas";
import { serverAction } from "@/lib/api/server-action";
import { getPrisma } from "@/lib/db/client";
import { signOut } from "@/lib/auth/auth";
import { anySignedIn } from "@/lib/auth/policy";
import { revokeSession } from "@/lib/auth/revoked-sessions";
import { getSessionClaims } from "@/lib/auth/session";

/** The app shell's "Sign out" button: the session is revoked, then its cookie cleared. */
export const signOutAction = serverAction({
  schema: emptyFormSchema,
  policy: anySignedIn,
  handle: async () => {
    const claims = await getSessionClaims();
    if (claims) await revokeSession(getPrisma(), claims);
    await signOut({ redirectTo: "/sign-in" });
  },
});
