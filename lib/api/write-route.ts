import "server-only";
import type { z } from "zod";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { identifyCaller } from "./caller";
import { errorResponseFor, type ErrorBody } from "./error-response";
import { limitBytes } from "@/lib/validation/limit-bytes";
import { parseInput } from "./parse-input";
import { authorizeWrite, ensureRoleAllowed, type Tx, type WritePolicy } from "@/lib/auth/write-policy";

/**
 * The one path every write takes: the caller (the session cookie from this site, or an API token on /api/v1:
 * ./caller.ts) -> the route's precondition (If-Match) -> the role half of its policy -> input schema ->
 * transaction in which the data half of its policy (whose cell, whose review) runs first, then the handler
 * writes and records its audit events, which name the API token when there is one. A refused write answers
 * with its status (401, 403, 409, 412, 422, 429...) and, the transaction being rolled back, has written nothing.
 */

export type { Tx } from "@/lib/auth/write-policy";

export interface WriteContext<Input, Params, Subject = undefined> {
  user: CurrentUser;
  input: Input;
  params: Params;
  tx: Tx;
  /** What the policy loaded, locked and allowed (the cell, the review); nothing for a rule on the role alone. */
  subject: Subject;
  /** The request, for its headers (an API write's If-Match, checked again under the lock). */
  request: Request;
  /** Records an audit event in the same transaction, with the signed-in person as actor. */
  audit: (entry: Omit<AuditEntry, "actorId">) => Promise<void>;
}

export type WriteResult<Data> = { ok: true; data: Data } | ErrorBody;

const MAX_BODY_BYTES = 256 * 1024;

export interface WriteRouteDefinition<Schema extends z.ZodType, Data, Params, Subject, Answer = Data> {
  /** Parses the body (JSON unless `readBody` says otherwise); a body it refuses answers 422. */
  schema: Schema;
  /** Who may do this: DESIGN.md section 5, from lib/auth/policy.ts or a data rule built on it. */
  policy: WritePolicy<Subject, Params, z.output<Schema>>;
  handle: (context: WriteContext<z.output<Schema>, Params, Subject>) => Promise<Data>;
  /**
   * Reads the request into the value `schema` parses, instead of the default JSON body (at most 256 KiB).
   * Must refuse oversized input with AppError("too-large") without reading all of it. It runs after the
   * role check, so a person who may not write never gets an upload read.
   */
  readBody?: (request: Request) => Promise<unknown>;
  /**
   * Runs once the write has committed, for what must see it or cannot be rolled back: sending mail, re-issuing
   * the session cookie after a password change (a sign-in with the new password), clearing it after ending
   * every session. Its answer replaces the handler's. It should not throw for an expected outcome (a mail
   * server that refused): the write stands whatever it does, and a throw would answer an error for a write
   * that was made.
   */
  afterCommit?: (data: Data, context: { user: CurrentUser; input: z.output<Schema> }) => Promise<Answer>;
  /**
   * Checked once the caller is known and before anything else about the request: an API route's `If-Match`
   * against the current version answers 412 when stale, whatever else is wrong with the request.
   */
  precondition?: (request: Request, params: Params) => Promise<void>;
  /** Answers with its own response (status, headers such as ETag) instead of `{ ok: true, data }`. */
  respond?: (answer: Answer) => Response;
}

/** Route handler wrapper; see the module comment. */
export function writeRoute<Schema extends z.ZodType, Data, Params extends Record<string, string> = Record<string, never>, Subject = undefined, Answer = Data>(
  route: WriteRouteDefinition<Schema, Data, Params, Subject, Answer>,
) {
  return async (request: Request, routeContext?: { params: Promise<Params> }): Promise<Response> => {
    try {
      const { user, token } = await identifyCaller(request, "write");
      const params = ((await routeContext?.params) ?? {}) as Params;
      await route.precondition?.(request, params);
      ensureRoleAllowed(route.policy, user);
      const input = parseInput(route.schema, await (route.readBody ?? readJson)(request));
      const data = await getPrisma().$transaction(
        async (tx) => {
          // Read by the audit trail's column default (migration 20261205090000_api_tokens), for this transaction only.
          if (token) await tx.$queryRaw`SELECT set_config('tandem.api_token_id', ${String(token.id)}, true)`;
          const before = await rowsWritten(tx);
          const subject = (await authorizeWrite(route.policy, { user, input, params, tx })) as Subject;
          const result = await route.handle({ user, input, params, tx, subject, request, audit: (entry) => recordAudit(tx, { ...entry, actorId: user.id }) });
          ensureAudited(before, await rowsWritten(tx));
          return result;
        },
        { timeout: 30_000, maxWait: 10_000 },
      );
      const answer = route.afterCommit ? await route.afterCommit(data, { user, input }) : (data as unknown as Answer);
      return route.respond ? route.respond(answer) : Response.json({ ok: true, data: answer } satisfies WriteResult<Answer>);
    } catch (error) {
      return errorResponseFor(request, error);
    }
  };
}

/** Rows this transaction has inserted, updated or deleted so far: in the audit trail, and in every other table. */
async function rowsWritten(tx: Tx): Promise<{ audit: number; other: number }> {
  const [row] = await tx.$queryRaw<{ audit: number; other: number }[]>`
    SELECT coalesce(sum(n_tup_ins) FILTER (WHERE relname = 'AuditEvent'), 0)::int AS audit,
           coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del) FILTER (WHERE relname <> 'AuditEvent'), 0)::int AS other
    FROM pg_stat_xact_user_tables WHERE schemaname = current_schema()`;
  return row!;
}

/**
 * A write that changed anything must have recorded its audit event in the same transaction: the audit
 * trail is the history screens read and what kept figures follow (lib/cache/kept-figures.ts). The counts
 * are PostgreSQL's own for the transaction, so a write that changed nothing (undoing an undecided cell,
 * with the review only locked) passes, and no way of writing escapes them.
 */
function ensureAudited(before: { audit: number; other: number }, after: { audit: number; other: number }): void {
  if (after.other > before.other && after.audit === before.audit) {
    throw new Error("A write changed data without recording an audit event; it was rolled back.");
  }
}

async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  // Only JSON (SCIM's application/scim+json included): a cross-site HTML form cannot send it without the browser asking first.
  if (!/^application\/(scim\+)?json/i.test(type)) {
    throw new AppError("invalid", "Send the request as JSON.");
  }
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) throw new AppError("too-large");
  // Counted while it streams in: a body that declares no length (or lies about it) is cut off at the limit.
  const body = limitBytes(request.body, MAX_BODY_BYTES, () => new AppError("too-large"));
  let text: string;
  try {
    text = await new Response(body.stream).text();
  } catch (error) {
    if (body.exceeded()) throw new AppError("too-large");
    throw error;
  }
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new AppError("invalid", "The request is not valid JSON.");
  }
}
