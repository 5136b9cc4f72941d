import { writeRoute } from "@/lib/api/write-route";
import { reviewOfOwnTeam } from "@/lib/review/access";
import { clearItem, decideItem } from "@/lib/review/item-actions";
import { cellRefSchema, decideItemSchema } from "@/lib/review/schemas";

/** Saves one decision on one cell of a draft review (autosave); the later write on a cell wins. */
export const PUT = writeRoute({
  schema: decideItemSchema,
  policy: reviewOfOwnTeam,
  handle: ({ tx, user, input, subject: review, audit }) => decideItem(tx, user, review, input, audit),
});

/** "Undo decision": the cell is undecided again. */
export const DELETE = writeRoute({
  schema: cellRefSchema,
  policy: reviewOfOwnTeam,
  handle: ({ tx, input, subject: review, audit }) => clearItem(tx, review, input, audit),
});
