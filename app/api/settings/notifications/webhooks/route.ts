import { writeRoute } from "@/lib/api/write-route";
import { settingsManagers } from "@/lib/auth/policy";
import { removeChatWebhook, removeWebhookSchema, setChatWebhook, setWebhookSchema } from "@/lib/notifications/webhooks";

/** Sets (or replaces) the chat webhook of a team or of the organisation. */
export const PUT = writeRoute({
  schema: setWebhookSchema,
  policy: settingsManagers,
  handle: ({ tx, input, audit }) => setChatWebhook(tx, input, audit),
});

export const DELETE = writeRoute({
  schema: removeWebhookSchema,
  policy: settingsManagers,
  handle: ({ tx, input, audit }) => removeChatWebhook(tx, input, audit),
});
