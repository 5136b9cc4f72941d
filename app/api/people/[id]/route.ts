import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { updatePerson } from "@/lib/people/actions";
import { requireRouteId, updatePersonSchema, type UpdatePersonInput } from "@/lib/people/schemas";

export const PATCH = writeRoute(
  updatePersonSchema,
  ({ tx, user, input, params }: WriteContext<UpdatePersonInput, { id: string }>) =>
    updatePerson(tx, user, requireRouteId(params.id, "person"), input),
);
