import { writeRoute } from "@/lib/api/write-route";
import { createAssetKind } from "@/lib/catalog/concern-actions";
import { createAssetKindSchema } from "@/lib/catalog/schemas";

/** Adds an asset kind (admins only). */
export const POST = writeRoute(createAssetKindSchema, ({ tx, user, input }) => createAssetKind(tx, user, input));
