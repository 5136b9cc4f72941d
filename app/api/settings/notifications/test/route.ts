import { writeRoute } from "@/lib/api/write-route";
import { settingsManagers } from "@/lib/auth/policy";
import { deliverTestMessage, sendTestSchema, writeTestMessage } from "@/lib/notifications/test-message";

/** Writes a test message, then delivers it once committed and answers what happened on each channel. */
export const POST = writeRoute({
  schema: sendTestSchema,
  policy: settingsManagers,
  handle: ({ tx, user, input, audit }) => writeTestMessage(tx, user.id, input, audit),
  afterCommit: async ({ notificationId }) => ({ outcomes: await deliverTestMessage(notificationId) }),
});
