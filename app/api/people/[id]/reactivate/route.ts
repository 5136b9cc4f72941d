import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { catalogEditors } from "@/lib/auth/policy";
import { reactivatePerson } from "@/lib/people/actions";
import { emptySchema, requireRouteId } from "@/lib/people/schemas";

export const POST = writeRoute({
  schema: emptySchema,
  policy: catalogEditors,
  handle: ({ tx, user, params }: WriteContext<object, { id: string }>) => reactivatePerson(tx, user, requireRouteId(params.id, "person")),
});
