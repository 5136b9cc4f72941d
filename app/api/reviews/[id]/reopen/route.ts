import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { emptyBodySchema, requireReviewId } from "@/lib/review/schemas";
import { reopenReview } from "@/lib/review/submit";

/** An admin turns a submitted review back into a draft. */
export const POST = writeRoute(emptyBodySchema, ({ tx, user, params, audit }: WriteContext<object, { id: string }>) =>
  reopenReview(tx, user, requireReviewId(params.id), audit),
);
