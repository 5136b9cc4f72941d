import { writeRoute } from "@/lib/api/write-route";
import { catalogEditors } from "@/lib/auth/policy";
import { createAsset } from "@/lib/catalog/asset-actions";
import { createAssetSchema } from "@/lib/catalog/schemas";

/** Creates an asset. */
export const POST = writeRoute({
  schema: createAssetSchema,
  policy: catalogEditors,
  handle: ({ tx, user, input }) => createAsset(tx, user, input),
});
