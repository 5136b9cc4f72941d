import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { catalogEditors } from "@/lib/auth/policy";
import { retireAsset } from "@/lib/catalog/asset-actions";
import { retireAssetSchema } from "@/lib/catalog/schemas";

/** Retires an asset: it leaves scope, its assignments and history stay. */
export const POST = writeRoute({
  schema: retireAssetSchema,
  policy: catalogEditors,
  handle: ({ tx, user, params }: WriteContext<object, { key: string }>) => retireAsset(tx, user, params.key),
});
