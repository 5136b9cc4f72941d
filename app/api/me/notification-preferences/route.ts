import { writeRoute } from "@/lib/api/write-route";
import { anySignedIn } from "@/lib/auth/policy";
import { savePreferences } from "@/lib/notifications/preferences";
import { preferenceChangesSchema } from "@/lib/notifications/schemas";

/** The signed-in person's own choices of what Tandem tells them, per kind and channel (My account). */
export const PUT = writeRoute({
  schema: preferenceChangesSchema,
  policy: anySignedIn,
  handle: ({ tx, user, input }) => savePreferences(tx, user.id, input, user.id),
});
