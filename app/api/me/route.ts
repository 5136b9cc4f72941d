import { withApiUser } from "@/lib/auth/api";

/** Who the session belongs to, for scripts and machine clients. */
export const GET = withApiUser(async (_request, { user }) => Response.json({ user }));
