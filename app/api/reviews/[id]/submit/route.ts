import { writeRoute } from "@/lib/api/write-route";
import { reviewOfOwnTeam } from "@/lib/review/access";
import { emptyBodySchema } from "@/lib/review/schemas";
import { submitReview } from "@/lib/review/submit";

/** Applies the review's decisions and marks it submitted, all in one transaction; 422 while cells are undecided. */
export const POST = writeRoute({
  schema: emptyBodySchema,
  policy: reviewOfOwnTeam,
  handle: ({ tx, user, subject: review, audit }) => submitReview(tx, user, review, audit),
});
