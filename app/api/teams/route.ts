import { writeRoute } from "@/lib/api/write-route";
import { catalogEditors } from "@/lib/auth/policy";
import { createTeamSchema } from "@/lib/people/schemas";
import { createTeam } from "@/lib/people/team-actions";

export const POST = writeRoute({
  schema: createTeamSchema,
  policy: catalogEditors,
  handle: ({ tx, user, input }) => createTeam(tx, user, input),
});
