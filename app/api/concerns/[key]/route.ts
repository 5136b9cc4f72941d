import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { updateConcern } from "@/lib/catalog/concern-actions";
import { updateConcernSchema, type UpdateConcernInput } from "@/lib/catalog/schemas";

/** Edits a concern's fields and the asset kinds it applies to (admins only). */
export const PATCH = writeRoute(updateConcernSchema, ({ tx, user, input, params }: WriteContext<UpdateConcernInput, { key: string }>) =>
  updateConcern(tx, user, params.key, input),
);
