import { writeRoute } from "@/lib/api/write-route";
import { settingsManagers } from "@/lib/auth/policy";
import { notificationDefaultsSchema, updateNotificationSettings } from "@/lib/notifications/settings";

export const PUT = writeRoute({
  schema: notificationDefaultsSchema,
  policy: settingsManagers,
  handle: ({ tx, input, audit }) => updateNotificationSettings(tx, input, audit),
});
