import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { catalogEditors } from "@/lib/auth/policy";
import { requireRouteId, updateTeamSchema, type UpdateTeamInput } from "@/lib/people/schemas";
import { updateTeam } from "@/lib/people/team-actions";

export const PATCH = writeRoute({
  schema: updateTeamSchema,
  policy: catalogEditors,
  handle: ({ tx, user, input, params }: WriteContext<UpdateTeamInput, { id: string }>) =>
    updateTeam(tx, user, requireRouteId(params.id, "team"), input),
});
