import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { deactivatePerson } from "@/lib/people/actions";
import { emptySchema, requireRouteId } from "@/lib/people/schemas";

export const POST = writeRoute(emptySchema, ({ tx, user, params }: WriteContext<object, { id: string }>) =>
  deactivatePerson(tx, user, requireRouteId(params.id, "person")),
);
