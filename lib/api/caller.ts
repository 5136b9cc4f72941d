import "server-only";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { readEnvironment } from "@/lib/config/environment";
import { getPrisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createRateLimiter } from "@/lib/security/rate-limit";
import { authenticateToken, type TokenIdentity } from "@/lib/tokens/authenticate";
import { isSameOrigin } from "./same-origin";

/**
 * Who makes a request, for the route wrappers (write-route.ts, read-route.ts). The path decides how:
 * - the screens' routes (/api/...) know the session cookie only; an Authorization header there is ignored,
 *   so a token never acts as a browser session;
 * - the API (/api/v1/...) takes `Authorization: Bearer <token>`, rate limited per token; without that
 *   header it takes the session cookie only from this site's own pages (the API reference page), so no other
 *   site can use a signed-in visitor's cookie on it.
 * Writes with the cookie are refused from another site on both.
 */

export interface Caller {
  user: CurrentUser;
  /** The API token the request came with; null for the session cookie. */
  token: TokenIdentity | null;
}

export const API_PREFIX = "/api/v1/";

let limiter: ReturnType<typeof createRateLimiter> | null = null;
const rateLimiter = () => (limiter ??= createRateLimiter(readEnvironment().TANDEM_API_RATE_LIMIT));

export async function identifyCaller(request: Request, access: "read" | "write"): Promise<Caller> {
  const isApi = new URL(request.url).pathname.startsWith(API_PREFIX);
  const authorization = request.headers.get("authorization");
  if (isApi && authorization !== null) return identifyTokenCaller(authorization);
  if ((access === "write" || isApi) && !isSameOrigin(request)) throw new AppError("forbidden", "Cross-site requests are refused.");
  const user = await getCurrentUser();
  if (!user) throw isApi ? new AppError("unauthenticated", "Send an API token: `Authorization: Bearer <token>`.") : new AppError("unauthenticated");
  return { user, token: null };
}

async function identifyTokenCaller(authorization: string): Promise<Caller> {
  const bearer = /^Bearer +(\S+) *$/i.exec(authorization)?.[1];
  if (!bearer) throw new AppError("unauthenticated", "Send the API token as `Authorization: Bearer <token>`.");
  const caller = await authenticateToken(getPrisma(), bearer);
  if (!caller) throw new AppError("unauthenticated", "This API token is not valid: unknown, expired or revoked.");
  const verdict = rateLimiter().take(`token:${caller.token.id}`);
  if (!verdict.allowed) throw new AppError("rate-limited", undefined, { retryAfterSeconds: verdict.retryAfterSeconds });
  return caller;
}
