import { readRoute } from "@/lib/api/read-route";
import { emptyQuerySchema } from "@/lib/api/schemas";
import { anySignedIn } from "@/lib/auth/policy";

/** Who the session belongs to, for scripts and machine clients. */
export const GET = readRoute({
  query: emptyQuerySchema,
  policy: anySignedIn,
  handle: async ({ user }) => Response.json({ user }),
});
