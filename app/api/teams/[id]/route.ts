import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { requireRouteId, updateTeamSchema, type UpdateTeamInput } from "@/lib/people/schemas";
import { updateTeam } from "@/lib/people/team-actions";

export const PATCH = writeRoute(
  updateTeamSchema,
  ({ tx, user, input, params }: WriteContext<UpdateTeamInput, { id: string }>) =>
    updateTeam(tx, user, requireRouteId(params.id, "team"), input),
);
