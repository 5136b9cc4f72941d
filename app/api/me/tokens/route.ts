import { writeRoute } from "@/lib/api/write-route";
import { anySignedIn } from "@/lib/auth/policy";
import { createPersonalTokenSchema } from "@/lib/tokens/schemas";
import { createPersonalToken } from "@/lib/tokens/tokens";

/** A personal API token of the signed-in person (any role: it acts with theirs); the answer is the only time it is shown. */
export const POST = writeRoute({
  schema: createPersonalTokenSchema,
  policy: anySignedIn,
  handle: ({ tx, user, input, audit }) => createPersonalToken(tx, user.id, input, audit),
});
