import type { NextAuthConfig } from "next-auth";

/**
 * The part of the auth configuration that the proxy also loads: no database, no password hashing.
 * The proxy only redirects signed-out visitors early; every page, action and route checks again
 * on the server with `requireUser` (lib/auth/session.ts).
 */

// The pages of one-time links and of a forgotten password are for people who cannot sign in yet. The API
// (/api/v1) and SCIM provisioning (/scim/v2) authenticate their callers by token, which the proxy cannot
// check: their wrappers do (lib/api/caller.ts).
const PUBLIC_PATHS = ["/sign-in", "/setup", "/set-password", "/forgot-password", "/unsubscribe", "/api/auth", "/api/health", "/api/unsubscribe", "/api/v1", "/scim/v2"];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** A session lasts this long after its last request (the cookie is refreshed as it is used). */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * And never longer than this after signing in, however often it is used: a copied cookie kept alive by
 * use would otherwise outlive any record of its revocation.
 */
export const SESSION_ABSOLUTE_MAX_SECONDS = 7 * 24 * 60 * 60;

export const authConfig = {
  // Errors of a sign-in through the provider land on the sign-in page too, which explains them.
  pages: { signIn: "/sign-in", error: "/sign-in" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  trustHost: true,
  providers: [],
  callbacks: {
    authorized({ auth, request: { nextUrl } }) {
      const signedIn = Boolean(auth?.user);
      // No redirect away from /sign-in here: a valid cookie of a person since deactivated would loop between
      // / and /sign-in. The sign-in page sends people who really are signed in home itself.
      if (isPublicPath(nextUrl.pathname)) return true;
      if (signedIn) return true;
      if (nextUrl.pathname.startsWith("/api/")) {
        return Response.json({ ok: false, code: "unauthenticated", error: "Sign in first." }, { status: 401 });
      }
      // An explicit redirect rather than `false`: the proxy's own handler runs whenever this is not a Response.
      const signInUrl = new URL("/sign-in", nextUrl);
      // A path, not the whole URL: behind a proxy the URL carries the app's internal origin, and the sign-in
      // page accepts nothing but a path on this site (lib/auth/callback-path.ts).
      signInUrl.searchParams.set("callbackUrl", `${nextUrl.pathname}${nextUrl.search}`);
      return Response.redirect(signInUrl);
    },
    jwt({ token, user }) {
      // At sign-in only: the id stays with the session through every refresh of its cookie, so signing
      // out can revoke it (lib/auth/revoked-sessions.ts).
      if (user?.id) {
        token.sub = user.id;
        token.sid = crypto.randomUUID();
        token.signedInAt = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      if (typeof token.signedInAt === "number") session.signedInAt = token.signedInAt;
      return session;
    },
  },
} satisfies NextAuthConfig;
