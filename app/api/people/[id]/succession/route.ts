import { writeRoute } from "@/lib/api/write-route";
import { handOverCells, successionEditors } from "@/lib/people/succession";
import { handOverSchema } from "@/lib/people/schemas";

/** Hands a leaver's chosen A and R cells over to their successors in one transaction (issue 18, item 3). */
export const POST = writeRoute({
  schema: handOverSchema,
  policy: successionEditors,
  handle: ({ tx, user, input, subject, audit }) => handOverCells(tx, user, subject, input, audit),
});
