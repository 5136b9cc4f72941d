import { readRoute } from "@/lib/api/read-route";
import { writeRoute } from "@/lib/api/write-route";
import { anySignedIn, catalogEditors } from "@/lib/auth/policy";
import { createApiAsset, listApiAssets } from "@/lib/public-api/assets";
import { createAssetBody, listAssetsQuery } from "@/lib/public-api/inputs";
import { answer, created } from "@/lib/public-api/respond";

/** `GET /api/v1/assets`: a page of assets, filtered as the Assets screen filters. */
export const GET = readRoute({
  query: listAssetsQuery,
  policy: anySignedIn,
  handle: async ({ query }) => answer(await listApiAssets(query)),
});

/** `POST /api/v1/assets`: creates an asset (admins). */
export const POST = writeRoute({
  schema: createAssetBody,
  policy: catalogEditors,
  handle: ({ tx, user, input }) => createApiAsset(tx, user, input),
  respond: created,
});
