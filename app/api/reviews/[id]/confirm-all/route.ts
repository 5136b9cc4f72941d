import { writeRoute } from "@/lib/api/write-route";
import { reviewOfOwnTeam } from "@/lib/review/access";
import { confirmAllUnchanged } from "@/lib/review/item-actions";
import { emptyBodySchema } from "@/lib/review/schemas";

/** "Confirm all unchanged": every still-undecided cell of the draft becomes a confirmation, in one write. */
export const POST = writeRoute({
  schema: emptyBodySchema,
  policy: reviewOfOwnTeam,
  handle: ({ tx, user, subject: review, audit }) => confirmAllUnchanged(tx, user, review, audit),
});
