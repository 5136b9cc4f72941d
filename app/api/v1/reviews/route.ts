import { readRoute } from "@/lib/api/read-route";
import { writeRoute } from "@/lib/api/write-route";
import { anySignedIn } from "@/lib/auth/policy";
import { listReviewsQuery, openReviewBody } from "@/lib/public-api/inputs";
import { answer, created } from "@/lib/public-api/respond";
import { listApiReviews, openApiReview, reviewTeamToOpenByName } from "@/lib/public-api/reviews";

export const GET = readRoute({
  query: listReviewsQuery,
  policy: anySignedIn,
  handle: async ({ query }) => answer(await listApiReviews(query)),
});

/** Opens a team's review of this week or last week as a draft (admins, the team's manager). */
export const POST = writeRoute({
  schema: openReviewBody,
  policy: reviewTeamToOpenByName,
  handle: ({ tx, user, subject: team, input, audit }) => openApiReview(tx, user, team, input, audit),
  respond: created,
});
