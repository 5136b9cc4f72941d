import { writeRoute } from "@/lib/api/write-route";
import { cellEditors } from "@/lib/ownership/cell-access";
import { editCell } from "@/lib/ownership/edit-cell";
import { editCellSchema } from "@/lib/ownership/schemas";

/** Adds and ends the A/R/C/I holders of one cell; 409 with the current holders when the cell changed meanwhile. */
export const POST = writeRoute({
  schema: editCellSchema,
  policy: cellEditors,
  handle: ({ tx, user, input, subject: cell, audit }) => editCell(tx, user, cell, input, audit),
});
