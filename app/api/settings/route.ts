import { writeRoute } from "@/lib/api/write-route";
import { settingsManagers } from "@/lib/auth/policy";
import { settingsSchema, updateSettings } from "@/lib/settings/update-settings";

export const PATCH = writeRoute({
  schema: settingsSchema,
  policy: settingsManagers,
  handle: ({ tx, user, input, audit }) => updateSettings(tx, user, input, audit),
});
