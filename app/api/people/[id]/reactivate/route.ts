import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { reactivatePerson } from "@/lib/people/actions";
import { emptySchema, requireRouteId } from "@/lib/people/schemas";

export const POST = writeRoute(emptySchema, ({ tx, user, params }: WriteContext<object, { id: string }>) =>
  reactivatePerson(tx, user, requireRouteId(params.id, "person")),
);
