import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { catalogEditors } from "@/lib/auth/policy";
import { endSessionsIfRoleChanges } from "@/lib/auth/session-validity";
import { updatePerson } from "@/lib/people/actions";
import { requireRouteId, updatePersonSchema, type UpdatePersonInput } from "@/lib/people/schemas";

export const PATCH = writeRoute({
  schema: updatePersonSchema,
  policy: catalogEditors,
  handle: ({ tx, user, input, params }: WriteContext<UpdatePersonInput, { id: string }>) => {
    const id = requireRouteId(params.id, "person");
    return endSessionsIfRoleChanges(tx, id, () => updatePerson(tx, user, id, input));
  },
});
