import { readRoute } from "@/lib/api/read-route";
import { anySignedIn } from "@/lib/auth/policy";
import { noQuery } from "@/lib/public-api/inputs";
import { answer } from "@/lib/public-api/respond";
import { getApiReview } from "@/lib/public-api/reviews";

export const GET = readRoute<typeof noQuery, { id: string }>({
  query: noQuery,
  policy: anySignedIn,
  handle: async ({ params }) => answer(await getApiReview(params.id)),
});
