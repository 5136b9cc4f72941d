import { readRoute } from "@/lib/api/read-route";
import { anySignedIn } from "@/lib/auth/policy";
import { getApiKind } from "@/lib/public-api/catalog";
import { noQuery } from "@/lib/public-api/inputs";
import { answer } from "@/lib/public-api/respond";

export const GET = readRoute<typeof noQuery, { key: string }>({
  query: noQuery,
  policy: anySignedIn,
  handle: async ({ params }) => answer(await getApiKind(params.key)),
});
