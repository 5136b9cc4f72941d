import { writeRoute } from "@/lib/api/write-route";
import { catalogEditors } from "@/lib/auth/policy";
import { createPerson } from "@/lib/people/actions";
import { createPersonSchema } from "@/lib/people/schemas";

export const POST = writeRoute({
  schema: createPersonSchema,
  policy: catalogEditors,
  handle: ({ tx, user, input }) => createPerson(tx, user, input),
});
