import { readRoute } from "@/lib/api/read-route";
import { writeRoute } from "@/lib/api/write-route";
import { anySignedIn } from "@/lib/auth/policy";
import { cellEditors, type CellParams } from "@/lib/ownership/cell-access";
import { cellResponse, ensureCellVersion, getApiCell, replaceHolders } from "@/lib/public-api/cells";
import { noQuery, replaceHoldersBody } from "@/lib/public-api/inputs";

/** `GET`: the cell with its holders and gaps; its ETag is its version. */
export const GET = readRoute<typeof noQuery, CellParams>({
  query: noQuery,
  policy: anySignedIn,
  handle: ({ params }) => getApiCell(params),
});

/**
 * `PUT`: replaces the cell's holders, under the matrix's policy (admins, or the manager whose team holds it or
 * whose review scope it is in). With `If-Match`, a cell changed since it was read answers 412 first.
 */
export const PUT = writeRoute({
  schema: replaceHoldersBody,
  policy: cellEditors,
  precondition: (request, params) => ensureCellVersion(request, params),
  handle: ({ tx, user, subject: cell, request, input, audit }) => replaceHolders(tx, user, cell, request, input, audit),
  respond: cellResponse,
});
