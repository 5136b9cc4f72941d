"use server";

import { emptyFormSchema } from "@/lib/api/schemas";
import { serverAction } from "@/lib/api/server-action";
import { signOut } from "./auth";
import { anySignedIn } from "./policy";

/** The app shell's "Sign out" button. */
export const signOutAction = serverAction({
  schema: emptyFormSchema,
  policy: anySignedIn,
  handle: async () => {
    await signOut({ redirectTo: "/sign-in" });
  },
});
