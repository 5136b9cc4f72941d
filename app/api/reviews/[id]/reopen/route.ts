import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { reviewReopeners } from "@/lib/auth/policy";
import { emptyBodySchema, requireReviewId } from "@/lib/review/schemas";
import { reopenReview } from "@/lib/review/submit";

/** An admin turns a submitted review back into a draft. */
export const POST = writeRoute({
  schema: emptyBodySchema,
  policy: reviewReopeners,
  handle: ({ tx, params, audit }: WriteContext<object, { id: string }>) => reopenReview(tx, requireReviewId(params.id), audit),
});
