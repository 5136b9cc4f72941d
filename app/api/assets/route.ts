import { writeRoute } from "@/lib/api/write-route";
import { createAsset } from "@/lib/catalog/asset-actions";
import { createAssetSchema } from "@/lib/catalog/schemas";

/** Creates an asset (admins only). */
export const POST = writeRoute(createAssetSchema, ({ tx, user, input }) => createAsset(tx, user, input));
