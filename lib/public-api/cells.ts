import type { AuditEntry } from "@/lib/audit/record";
import type { PolicyUser } from "@/lib/auth/policy";
import type { Tx } from "@/lib/auth/write-policy";
import { getPrisma, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { loadCellState, type CellState } from "@/lib/ownership/cell-state";
import { editCell } from "@/lib/ownership/edit-cell";
import type { ReplaceHoldersBody } from "./inputs";

/**
 * A cell through /api/v1: read with its holders and gaps, its version as the ETag; its holders replaced through
 * the matrix's own write (`editCell`, under the matrix's policy `cellEditors`), as the difference between the
 * holders it has and the holders sent. A stale If-Match is refused with 412 before anything else is judged
 * (`ensureCellVersion`, the route's precondition) and again under the cell's lock.
 */

export const etagOf = (version: string) => `"${version}"`;

export function toCell(state: CellState) {
  return {
    asset_key: state.asset.key,
    concern_key: state.concern.key,
    in_scope: state.evaluated.inScope,
    covered: state.evaluated.covered,
    holders: state.holders.map((holder) => ({
      person_email: holder.personEmail,
      name: holder.personName,
      role: holder.role,
      confirmed_at: holder.confirmedAt?.toISOString() ?? null,
      active: holder.active,
    })),
    gaps: state.evaluated.gaps.map((gap) => ({ type: gap.type, severity: gap.severity })),
  };
}

export type ApiCell = ReturnType<typeof toCell>;

/** A cell as /api/v1 answers it: the body, and its version as the ETag header. */
export function cellResponse(state: CellState): Response {
  return Response.json(toCell(state), { headers: { etag: etagOf(state.version) } });
}

export async function getApiCell(params: { assetKey: string; concernKey: string }, db: Db = getPrisma()): Promise<Response> {
  return cellResponse(await loadCellState(db, params.assetKey, params.concernKey, new Date()));
}

/** The If-Match header's version, when the request sends one (`*` matches any version). */
function ifMatchOf(request: Request): string | null {
  const header = request.headers.get("if-match")?.trim();
  if (!header || header === "*") return null;
  return header;
}

function ensureFresh(ifMatch: string | null, state: CellState): void {
  if (ifMatch !== null && ifMatch !== etagOf(state.version)) {
    throw new AppError("precondition-failed", "This cell changed since you read it (If-Match): read it again, then send your change.", {
      current: { etag: etagOf(state.version) },
    });
  }
}

/** The route's precondition: a stale If-Match answers 412, whoever asks and whatever the body. */
export async function ensureCellVersion(request: Request, params: { assetKey: string; concernKey: string }, db: Db = getPrisma()): Promise<void> {
  const ifMatch = ifMatchOf(request);
  if (ifMatch === null) return;
  ensureFresh(ifMatch, await loadCellState(db, params.assetKey, params.concernKey, new Date()));
}

/**
 * Replaces the holders of the cell the policy locked and allowed. The same rules as the matrix hold (one A,
 * no one who left, not on a retired asset), plus: a non-empty list names exactly one A.
 */
export async function replaceHolders(
  tx: Tx,
  user: PolicyUser,
  state: CellState,
  request: Request,
  body: ReplaceHoldersBody,
  audit: (entry: Omit<AuditEntry, "actorId">) => Promise<void>,
): Promise<CellState> {
  ensureFresh(ifMatchOf(request), state);
  const accountable = body.holders.filter((holder) => holder.role === "A").length;
  if (body.holders.length > 0 && accountable !== 1) {
    throw new AppError("invalid", "Name exactly one accountable person (role A), or send no holders to clear the cell.", {
      fieldErrors: { holders: ["Exactly one holder with role A."] },
    });
  }
  const wanted = new Set(body.holders.map((holder) => `${holder.person_email}:${holder.role}`));
  if (wanted.size !== body.holders.length) throw new AppError("invalid", "A person is listed twice with the same role.", { fieldErrors: { holders: ["A person is listed twice with the same role."] } });
  const kept = new Set(state.holders.map((holder) => `${holder.personEmail}:${holder.role}`));
  const end = state.holders.filter((holder) => !wanted.has(`${holder.personEmail}:${holder.role}`)).map((holder) => holder.assignmentId);
  const newcomers = body.holders.filter((holder) => !kept.has(`${holder.person_email}:${holder.role}`));
  if (end.length === 0 && newcomers.length === 0) return state;
  const people = await tx.person.findMany({ where: { email: { in: newcomers.map((holder) => holder.person_email) } }, select: { id: true, email: true } });
  const idOf = new Map(people.map((person) => [person.email, person.id]));
  const unknown = newcomers.filter((holder) => !idOf.has(holder.person_email)).map((holder) => holder.person_email);
  if (unknown.length > 0) throw new AppError("invalid", `There is no person with the email ${unknown.join(", ")}.`, { fieldErrors: { holders: [`Unknown: ${unknown.join(", ")}.`] } });
  await editCell(tx, user, state, { expectedVersion: state.version, end, add: newcomers.map((holder) => ({ personId: idOf.get(holder.person_email)!, role: holder.role })) }, audit);
  return loadCellState(tx, state.asset.key, state.concern.key, new Date());
}
