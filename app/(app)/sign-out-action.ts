"use server";

import { emptyFormSchema } from "@/lib/api/schemas";
import { serverAction } from "@/lib/api/server-action";
import { signOut } from "@/lib/auth/auth";
import { anySignedIn } from "@/lib/auth/policy";
import { revokeCurrentSession } from "@/lib/auth/session";

/** The app shell's "Sign out" button: the session is revoked, then its cookie cleared. */
export const signOutAction = serverAction({
  schema: emptyFormSchema,
  policy: anySignedIn,
  handle: async () => {
    await revokeCurrentSession();
    await signOut({ redirectTo: "/sign-in" });
  },
});
