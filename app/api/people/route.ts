import { writeRoute } from "@/lib/api/write-route";
import { createPerson } from "@/lib/people/actions";
import { createPersonSchema } from "@/lib/people/schemas";

export const POST = writeRoute(createPersonSchema, ({ tx, user, input }) => createPerson(tx, user, input));
