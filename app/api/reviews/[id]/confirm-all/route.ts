import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { confirmAllUnchanged } from "@/lib/review/item-actions";
import { emptyBodySchema, requireReviewId } from "@/lib/review/schemas";

/** "Confirm all unchanged": every still-undecided cell of the draft becomes a confirmation, in one write. */
export const POST = writeRoute(emptyBodySchema, ({ tx, user, params, audit }: WriteContext<object, { id: string }>) =>
  confirmAllUnchanged(tx, user, requireReviewId(params.id), audit),
);
