import { writeRoute } from "@/lib/api/write-route";
import { reviewOfOwnTeam } from "@/lib/review/access";
import { emptyBody } from "@/lib/public-api/inputs";
import { answer } from "@/lib/public-api/respond";
import { submitApiReview } from "@/lib/public-api/reviews";

/** Applies the review's decisions and submits it; 422 while cells are undecided (admins, the team's manager). */
export const POST = writeRoute({
  schema: emptyBody,
  policy: reviewOfOwnTeam,
  handle: ({ tx, user, subject: review, audit }) => submitApiReview(tx, user, review, audit),
  respond: answer,
});
