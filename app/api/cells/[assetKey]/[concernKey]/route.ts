import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { editCell } from "@/lib/ownership/edit-cell";
import { editCellSchema, type EditCellInput } from "@/lib/ownership/schemas";

type CellParams = { assetKey: string; concernKey: string };

/** Adds and ends the A/R/C/I holders of one cell; 409 with the current holders when the cell changed meanwhile. */
export const POST = writeRoute(editCellSchema, ({ tx, user, input, params, audit }: WriteContext<EditCellInput, CellParams>) =>
  editCell(tx, user, params, input, audit),
);
