import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import { readEnvironment } from "@/lib/config/environment";
import { getPrisma } from "@/lib/db/client";
import { clientAddressOf } from "@/lib/security/client-address";
import { authConfig } from "./auth.config";
import { attemptSignIn } from "./credentials";
import { revokeSession, sessionOfToken } from "./revoked-sessions";
import { refusalPath } from "./sign-in-errors";
import { checkSingleSignOn } from "./sso";
import { withUserInfoClaims } from "./sso-userinfo";
import { OIDC_PROVIDER_ID, singleSignOnSettings, type SingleSignOnSettings } from "./sso-settings";

/** Thrown while an account or client is throttled; the code carries the wait so the form can say how long. */
export class ThrottledSignIn extends CredentialsSignin {
  constructor(retryAfterMs: number) {
    super();
    this.code = `throttled-${Math.ceil(retryAfterMs / 60_000)}`;
  }
}

/**
 * The OpenID Connect provider of `AUTH_OIDC_*`. Discovery finds its endpoints; state, PKCE and the nonce
 * tie the answer to this browser's request. Who may come in is decided by the `signIn` callback below.
 */
function openIdConnectProvider(settings: SingleSignOnSettings): Provider {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: "oidc",
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    checks: ["pkce", "state", "nonce"],
  };
}

const singleSignOn = singleSignOnSettings();
const { TANDEM_TRUSTED_PROXIES: trustedProxies } = readEnvironment();

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  callbacks: {
    ...authConfig.callbacks,
    /**
     * Passwords are checked in `authorize`; a provider's sign-in is checked here: only an active person
     * with a role, found by the provider's verified email (from the ID token, or UserInfo when the token
     * lacks it), gets in. A refusal goes back to the sign-in
     * page with the reason. Auth.js hands this same `user` to the `jwt` callback, which makes its id the
     * session's subject: the Person id, exactly as a password sign-in does.
     */
    async signIn({ user, account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID || !singleSignOn) return true;
      const claims = await withUserInfoClaims(profile, singleSignOn.issuer, account.access_token);
      const decision = await checkSingleSignOn(getPrisma(), claims, singleSignOn);
      if (decision.kind === "refused") return refusalPath(decision);
      Object.assign(user, { id: String(decision.person.id), email: decision.person.email, name: decision.person.name });
      return true;
    },
  },
  events: {
    /**
     * next-auth's own sign-out endpoint (`POST /api/auth/signout`) clears the cookie only; the session is
     * revoked here too, as the app's sign-out does, so a copy of the cookie stops working whichever way out.
     */
    async signOut(message) {
      const session = sessionOfToken("token" in message ? message.token : null);
      if (session) await revokeSession(getPrisma(), session);
    },
  },
  logger: {
    // A wrong password is an everyday event that the sign-in form already explains, not a server error.
    error(error) {
      // By its type, not its name: class names are minified in the production build.
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const outcome = await attemptSignIn(getPrisma(), credentials, clientAddressOf(request?.headers.get("x-forwarded-for"), trustedProxies));
        if (outcome.kind === "throttled") throw new ThrottledSignIn(outcome.retryAfterMs);
        if (outcome.kind === "refused") return null;
        return { id: String(outcome.person.id), email: outcome.person.email, name: outcome.person.name };
      },
    }),
    ...(singleSignOn ? [openIdConnectProvider(singleSignOn)] : []),
  ],
});
