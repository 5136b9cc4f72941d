import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { catalogEditors } from "@/lib/auth/policy";
import { updateAsset } from "@/lib/catalog/asset-actions";
import { updateAssetSchema, type UpdateAssetInput } from "@/lib/catalog/schemas";

/** Edits an asset; a stale `updatedAt` answers 409 with the current values. */
export const PATCH = writeRoute({
  schema: updateAssetSchema,
  policy: catalogEditors,
  handle: ({ tx, user, input, params }: WriteContext<UpdateAssetInput, { key: string }>) => updateAsset(tx, user, params.key, input),
});
