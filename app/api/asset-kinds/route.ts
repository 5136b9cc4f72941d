import { writeRoute } from "@/lib/api/write-route";
import { catalogEditors } from "@/lib/auth/policy";
import { createAssetKind } from "@/lib/catalog/concern-actions";
import { createAssetKindSchema } from "@/lib/catalog/schemas";

/** Adds an asset kind. */
export const POST = writeRoute({
  schema: createAssetKindSchema,
  policy: catalogEditors,
  handle: ({ tx, user, input }) => createAssetKind(tx, user, input),
});
