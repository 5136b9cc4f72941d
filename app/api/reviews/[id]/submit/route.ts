import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { emptyBodySchema, requireReviewId } from "@/lib/review/schemas";
import { submitReview } from "@/lib/review/submit";

/** Applies the review's decisions and marks it submitted, all in one transaction; 422 while cells are undecided. */
export const POST = writeRoute(emptyBodySchema, ({ tx, user, params, audit }: WriteContext<object, { id: string }>) =>
  submitReview(tx, user, requireReviewId(params.id), audit),
);
