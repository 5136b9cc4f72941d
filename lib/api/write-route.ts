import "server-only";
import type { z } from "zod";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError, defaultMessage, HTTP_STATUS } from "@/lib/errors";
import { limitBytes } from "./limit-bytes";
import { isSameOrigin } from "./same-origin";
import { toAppError } from "./to-app-error";

/**
 * The one path every write takes: same-origin check -> session -> input schema -> transaction in which
 * the handler checks the policy and writes, recording its audit events. A refused write answers with
 * its status (401, 403, 409, 422...) and, the transaction being rolled back, has written nothing.
 */

export type Tx = Prisma.TransactionClient;

export interface WriteContext<Input, Params> {
  user: CurrentUser;
  input: Input;
  params: Params;
  tx: Tx;
  /** Records an audit event in the same transaction, with the signed-in person as actor. */
  audit: (entry: Omit<AuditEntry, "actorId">) => Promise<void>;
}

export type WriteResult<Data> =
  | { ok: true; data: Data }
  | { ok: false; code: string; error: string; fieldErrors?: Record<string, string[]>; current?: unknown };

const MAX_BODY_BYTES = 256 * 1024;

export interface WriteRouteOptions {
  /**
   * Reads the request into the value `schema` parses, instead of the default JSON body (at most 256 KiB).
   * Must refuse oversized input with AppError("too-large") without reading all of it.
   */
  readBody?: (request: Request) => Promise<unknown>;
}

/** Route handler wrapper; see the module comment. `schema` parses the body (JSON unless `readBody` says otherwise). */
export function writeRoute<Schema extends z.ZodType, Data, Params extends Record<string, string> = Record<string, never>>(
  schema: Schema,
  handle: (context: WriteContext<z.output<Schema>, Params>) => Promise<Data>,
  options: WriteRouteOptions = {},
) {
  return async (request: Request, routeContext?: { params: Promise<Params> }): Promise<Response> => {
    try {
      if (!isSameOrigin(request)) throw new AppError("forbidden", "Cross-site requests are refused.");
      const user = await getCurrentUser();
      if (!user) throw new AppError("unauthenticated");
      const input = schema.safeParse(await (options.readBody ?? readJson)(request));
      if (!input.success) {
        throw new AppError("invalid", defaultMessage("invalid"), { fieldErrors: fieldErrorsOf(input.error) });
      }
      const params = ((await routeContext?.params) ?? {}) as Params;
      const data = await getPrisma().$transaction(
        (tx) =>
          handle({
            user,
            input: input.data,
            params,
            tx,
            audit: (entry) => recordAudit(tx, { ...entry, actorId: user.id }),
          }),
        { timeout: 30_000, maxWait: 10_000 },
      );
      return Response.json({ ok: true, data } satisfies WriteResult<Data>);
    } catch (error) {
      const appError = toAppError(error);
      const body: WriteResult<never> = {
        ok: false,
        code: appError.code,
        error: appError.message,
        ...(appError.details.fieldErrors ? { fieldErrors: appError.details.fieldErrors } : {}),
        ...(appError.details.current !== undefined ? { current: appError.details.current } : {}),
      };
      return Response.json(body, { status: HTTP_STATUS[appError.code] });
    }
  };
}

async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  // Only JSON: a cross-site HTML form cannot send it without the browser asking first.
  if (!type.toLowerCase().startsWith("application/json")) {
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

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (result[key] ??= []).push(issue.message);
  }
  return result;
}
