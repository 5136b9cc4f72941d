import { writeRoute } from "@/lib/api/write-route";
import { settingsManagers } from "@/lib/auth/policy";
import { createServiceTokenSchema } from "@/lib/tokens/schemas";
import { createServiceToken } from "@/lib/tokens/tokens";

/** A service token with the role (and team) the admin gives it; the answer is the only time it is shown. */
export const POST = writeRoute({
  schema: createServiceTokenSchema,
  policy: settingsManagers,
  handle: ({ tx, user, input, audit }) => createServiceToken(tx, user.id, input, audit),
});
