import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { updateAsset } from "@/lib/catalog/asset-actions";
import { updateAssetSchema, type UpdateAssetInput } from "@/lib/catalog/schemas";

/** Edits an asset (admins only); a stale `updatedAt` answers 409 with the current values. */
export const PATCH = writeRoute(updateAssetSchema, ({ tx, user, input, params }: WriteContext<UpdateAssetInput, { key: string }>) =>
  updateAsset(tx, user, params.key, input),
);
