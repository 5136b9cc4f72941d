import { writeRoute } from "@/lib/api/write-route";
import { anySignedIn } from "@/lib/auth/policy";
import { markAllRead } from "@/lib/notifications/inbox";
import { emptySchema } from "@/lib/people/schemas";

/** "Mark all read": every unread message of the signed-in person. */
export const POST = writeRoute({
  schema: emptySchema,
  policy: anySignedIn,
  handle: ({ tx, user, audit }) => markAllRead(tx, user.id, audit),
});
