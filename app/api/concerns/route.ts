import { writeRoute } from "@/lib/api/write-route";
import { catalogEditors } from "@/lib/auth/policy";
import { createConcern } from "@/lib/catalog/concern-actions";
import { createConcernSchema } from "@/lib/catalog/schemas";

/** Adds a concern to the catalog. */
export const POST = writeRoute({
  schema: createConcernSchema,
  policy: catalogEditors,
  handle: ({ tx, user, input }) => createConcern(tx, user, input),
});
