import { writeRoute } from "@/lib/api/write-route";
import { settingsSchema, updateSettings } from "@/lib/settings/update-settings";

export const PATCH = writeRoute(settingsSchema, ({ tx, user, input, audit }) => updateSettings(tx, user, input, audit));
