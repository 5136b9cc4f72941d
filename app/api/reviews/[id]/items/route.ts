import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { clearItem, decideItem } from "@/lib/review/item-actions";
import { cellRefSchema, decideItemSchema, requireReviewId, type CellRef, type DecideItemInput } from "@/lib/review/schemas";

type Params = { id: string };

/** Saves one decision on one cell of a draft review (autosave); the later write on a cell wins. */
export const PUT = writeRoute(decideItemSchema, ({ tx, user, input, params, audit }: WriteContext<DecideItemInput, Params>) =>
  decideItem(tx, user, requireReviewId(params.id), input, audit),
);

/** "Undo decision": the cell is undecided again. */
export const DELETE = writeRoute(cellRefSchema, ({ tx, user, input, params, audit }: WriteContext<CellRef, Params>) =>
  clearItem(tx, user, requireReviewId(params.id), input, audit),
);
