import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { retireAsset } from "@/lib/catalog/asset-actions";
import { retireAssetSchema } from "@/lib/catalog/schemas";

/** Retires an asset (admins only): it leaves scope, its assignments and history stay. */
export const POST = writeRoute(retireAssetSchema, ({ tx, user, params }: WriteContext<object, { key: string }>) =>
  retireAsset(tx, user, params.key),
);
