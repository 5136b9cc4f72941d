import "server-only";
import type { z } from "zod";
import type { RoleRule } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import { identifyCaller } from "./caller";
import { errorResponseFor } from "./error-response";
import { parseInput } from "./parse-input";
import { ensureRoleAllowed } from "@/lib/auth/write-policy";

/**
 * The one path every read route takes: caller (session, or an API token on /api/v1: ./caller.ts) -> policy ->
 * query schema -> handler. Route handlers are
 * machine endpoints: a missing session answers 401 with JSON, never a redirect, and any refusal or failure
 * answers the same JSON as a write (lib/api/error-response.ts), 503 when the database went away meanwhile.
 */

export interface ReadContext<Query, Params> {
  user: CurrentUser;
  query: Query;
  params: Params;
  request: Request;
}

export interface ReadRouteDefinition<QuerySchema extends z.ZodType, Params> {
  /** Parses the URL's search parameters (the first value of each), as an object. */
  query: QuerySchema;
  /** Who may read this: `anySignedIn` (DESIGN.md section 5: everyone reads everything) or stricter. */
  policy: RoleRule;
  handle: (context: ReadContext<z.output<QuerySchema>, Params>) => Promise<Response>;
}

export function readRoute<QuerySchema extends z.ZodType, Params extends Record<string, string> = Record<string, never>>(
  route: ReadRouteDefinition<QuerySchema, Params>,
) {
  return async (request: Request, routeContext?: { params: Promise<Params> }): Promise<Response> => {
    try {
      const { user } = await identifyCaller(request, "read");
      ensureRoleAllowed(route.policy, user);
      const query = parseInput(route.query, Object.fromEntries(new URL(request.url).searchParams));
      const params = ((await routeContext?.params) ?? {}) as Params;
      return await route.handle({ user, query, params, request });
    } catch (error) {
      return errorResponseFor(request, error);
    }
  };
}
