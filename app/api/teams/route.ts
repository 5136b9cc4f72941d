import { writeRoute } from "@/lib/api/write-route";
import { createTeamSchema } from "@/lib/people/schemas";
import { createTeam } from "@/lib/people/team-actions";

export const POST = writeRoute(createTeamSchema, ({ tx, user, input }) => createTeam(tx, user, input));
