import { writeRoute } from "@/lib/api/write-route";
import { markRead, ownNotification } from "@/lib/notifications/inbox";
import { emptySchema } from "@/lib/people/schemas";

/** Marks one of the signed-in person's messages read (opening it from the inbox); someone else's answers 404. */
export const POST = writeRoute({
  schema: emptySchema,
  policy: ownNotification,
  handle: ({ tx, subject, audit }) => markRead(tx, subject, audit),
});
