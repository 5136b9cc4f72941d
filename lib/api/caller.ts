import "server-only";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { readEnvironment } from "@/lib/config/environment";
import { getPrisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createRateLimiter } from "@/lib/security/rate-limit";
import { isScimPath } from "@/lib/scim/protocol";
import { authenticateToken, type TokenCaller, type TokenIdentity } from "@/lib/tokens/authenticate";
import { isSameOrigin } from "./same-origin";

/**
 * Who makes a request, for the route wrappers (write-route.ts, read-route.ts). The path decides how:
 * - the screens' routes (/api/...) know the session cookie only; an Authorization header there is ignored,
 *   so a token never acts as a browser session;
 * - the API (/api/v1/...) takes `Authorization: Bearer <token>`, rate limited per token; without that
 *   header it takes the session cookie only from this site's own pages (the API reference page), so no other
 *   site can use a signed-in visitor's cookie on it.
 * - SCIM (/scim/v2/...) takes a SCIM token only (lib/tokens: a service token with the SCIM scope), never the
 *   cookie; and a SCIM token is refused everywhere else, so the identity provider's secret opens nothing but
 *   provisioning.
 * Writes with the cookie are refused from another site, on the screens' routes and on the API.
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
  const { pathname } = new URL(request.url);
  const authorization = request.headers.get("authorization");
  if (isScimPath(pathname)) return identifyScimCaller(authorization);
  const isApi = pathname.startsWith(API_PREFIX);
  if (isApi && authorization !== null) {
    const caller = await identifyTokenCaller(authorization);
    if (caller.token.scim) throw new AppError("forbidden", "A SCIM token calls /scim/v2 only: make a service token for the API.");
    return caller;
  }
  if ((access === "write" || isApi) && !isSameOrigin(request)) throw new AppError("forbidden", "Cross-site requests are refused.");
  const user = await getCurrentUser();
  if (!user) throw isApi ? new AppError("unauthenticated", "Send an API token: `Authorization: Bearer <token>`.") : new AppError("unauthenticated");
  return { user, token: null };
}

async function identifyScimCaller(authorization: string | null): Promise<Caller> {
  if (authorization === null) throw new AppError("unauthenticated", "Send the SCIM token: `Authorization: Bearer <token>`.");
  const caller = await identifyTokenCaller(authorization);
  if (!caller.token.scim) throw new AppError("forbidden", "This token is not a SCIM token: make one in Settings -> Service tokens, acting as SCIM provisioning.");
  return caller;
}

async function identifyTokenCaller(authorization: string): Promise<TokenCaller> {
  const bearer = /^Bearer +(\S+) *$/i.exec(authorization)?.[1];
  if (!bearer) throw new AppError("unauthenticated", "Send the API token as `Authorization: Bearer <token>`.");
  const caller = await authenticateToken(getPrisma(), bearer);
  if (!caller) throw new AppError("unauthenticated", "This API token is not valid: unknown, expired or revoked.");
  const verdict = rateLimiter().take(`token:${caller.token.id}`);
  if (!verdict.allowed) throw new AppError("rate-limited", undefined, { retryAfterSeconds: verdict.retryAfterSeconds });
  return caller;
}
