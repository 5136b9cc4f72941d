import { readRoute } from "@/lib/api/read-route";
import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { anySignedIn, catalogEditors } from "@/lib/auth/policy";
import { getApiAsset, retireApiAsset, updateApiAsset } from "@/lib/public-api/assets";
import { emptyBody, noQuery, updateAssetBody, type UpdateAssetBody } from "@/lib/public-api/inputs";
import { answer } from "@/lib/public-api/respond";

type Params = { key: string };

export const GET = readRoute<typeof noQuery, Params>({
  query: noQuery,
  policy: anySignedIn,
  handle: async ({ params }) => answer(await getApiAsset(params.key)),
});

/** Changes the fields sent (admins). */
export const PATCH = writeRoute({
  schema: updateAssetBody,
  policy: catalogEditors,
  handle: ({ tx, user, input, params }: WriteContext<UpdateAssetBody, Params>) => updateApiAsset(tx, user, params.key, input),
  respond: answer,
});

/** Retires the asset (admins): it leaves scope; its assignments and history stay. */
export const DELETE = writeRoute({
  schema: emptyBody,
  policy: catalogEditors,
  handle: ({ tx, user, params }: WriteContext<object, Params>) => retireApiAsset(tx, user, params.key),
  respond: answer,
});
