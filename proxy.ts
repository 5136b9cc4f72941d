import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/auth.config";
import { singleSignOnOrigin } from "@/lib/auth/sso-settings";
import { readEnvironment } from "@/lib/config/environment";
import { isDatabaseAvailable } from "@/lib/db/availability";
import { outageResponse, RETRY_AFTER_SECONDS } from "@/lib/db/outage-response";
import { AppError } from "@/lib/errors";
import { scimErrorResponse } from "@/lib/scim/errors";
import { isScimPath } from "@/lib/scim/protocol";
import { contentSecurityPolicy, createNonce, isHttpsRequest, STRICT_TRANSPORT_SECURITY } from "@/lib/security/headers";

const { auth } = NextAuth(authConfig);

/**
 * Runs before every page and route. Access here is optimistic only (signed-out visitors go to sign-in,
 * or get 401 from the API, via `authorized` in the auth config); the real checks happen on the server in
 * every page, action and route. It also gives each request a fresh CSP nonce, which Next.js reads from
 * the request's Content-Security-Policy header and puts on its scripts. While the database is unreachable
 * it answers 503 itself (a page that reloads once the database is back, or JSON for the API);
 * /api/health reports the outage in its own words.
 */
// Read once: the environment does not change while the server runs.
const { NODE_ENV } = readEnvironment();
const signInProvider = singleSignOnOrigin();

export default auth(async (request) => {
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, { development: NODE_ENV === "development", signInProvider });
  const { pathname } = request.nextUrl;
  let response: Response;
  if (pathname !== "/api/health" && !(await isDatabaseAvailable())) {
    // An identity provider reads SCIM's error format only (RFC 7644 section 3.12).
    const unavailable = new AppError("unavailable", undefined, { retryAfterSeconds: RETRY_AFTER_SECONDS });
    response = isScimPath(pathname) ? scimErrorResponse(unavailable) : outageResponse(pathname, nonce);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("content-security-policy", policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", policy);
  if (isHttpsRequest(request.nextUrl, request.headers)) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
});

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
