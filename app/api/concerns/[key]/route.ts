import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { catalogEditors } from "@/lib/auth/policy";
import { updateConcern } from "@/lib/catalog/concern-actions";
import { updateConcernSchema, type UpdateConcernInput } from "@/lib/catalog/schemas";

/** Edits a concern's fields and the asset kinds it applies to. */
export const PATCH = writeRoute({
  schema: updateConcernSchema,
  policy: catalogEditors,
  handle: ({ tx, user, input, params }: WriteContext<UpdateConcernInput, { key: string }>) => updateConcern(tx, user, params.key, input),
});
