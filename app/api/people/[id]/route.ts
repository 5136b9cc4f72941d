import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { catalogEditors } from "@/lib/auth/policy";
import { updatePerson } from "@/lib/people/actions";
import { requireRouteId, updatePersonSchema, type UpdatePersonInput } from "@/lib/people/schemas";

export const PATCH = writeRoute({
  schema: updatePersonSchema,
  policy: catalogEditors,
  handle: ({ tx, user, input, params }: WriteContext<UpdatePersonInput, { id: string }>) =>
    updatePerson(tx, user, requireRouteId(params.id, "person"), input),
});
