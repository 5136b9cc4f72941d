/**
 * A real OpenID Connect provider for the end-to-end tests: `oidc-provider`, the certified implementation on
 * npm, in its own default, conformant behaviour unless told otherwise. The app discovers it, the browser is
 * sent to its login and consent pages (its development interactions: any login, any password), it redirects
 * back with a code, and the app exchanges the code for an ID token, and reads UserInfo when the ID token
 * lacks the email. Conformant (the default): `email` and `email_verified` come only from UserInfo, as the
 * specification wants when an access token is issued; `OIDC_CLAIMS_IN_ID_TOKEN=true` puts them in the ID
 * token too, as many providers do.
 *
 * The login typed is the email; a prefix chooses the claims, to test refusals:
 * `unverified:<email>` has `email_verified: false`, `unconfirmed:<email>` has no `email_verified` at all,
 * `another:<email>` is another account at the provider (another subject) with the same verified email.
 *
 * Run as `tsx e2e/oidc-provider.ts` (playwright.config.ts starts it beside the app), configured by
 * OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI and OIDC_CLAIMS_IN_ID_TOKEN; or started
 * in a test's own process with `startOidcProvider`.
 */
import { createHash } from "node:crypto";
import type { Server } from "node:http";
import Provider from "oidc-provider";

export interface OidcProviderOptions {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** false (the default): email claims from UserInfo only, as the conformant provider gives them. */
  claimsInIdToken?: boolean;
}

/** The claims a login stands for (see the file's comment). */
export function claimsOfLogin(login: string): { sub: string; email: string; email_verified?: boolean; name: string } {
  const [, prefix, email] = /^(?:(unverified|unconfirmed|another):)?(.*)$/.exec(login.trim())!;
  const account = prefix === "another" ? `another:${email!.toLowerCase()}` : email!.toLowerCase();
  const sub = `op-${createHash("sha256").update(account).digest("hex").slice(0, 16)}`;
  const claims = { sub, email: email!, name: email!.split("@")[0]! };
  if (prefix === "unconfirmed") return claims;
  return { ...claims, email_verified: prefix !== "unverified" };
}

export function startOidcProvider(options: OidcProviderOptions): Promise<Server> {
  const issuer = `http://localhost:${options.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    conformIdTokenClaims: !options.claimsInIdToken,
    // Tests only: fixed cookie keys, and the library's own login and consent pages.
    cookies: { keys: ["e2e-only-oidc-provider-cookie-key"] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_context, accountId) {
      const claims = claimsOfLogin(accountId);
      return { accountId, claims: async () => claims };
    },
  });
  // The dev interactions sign in whatever login is typed; the account id is that login.
  return new Promise((resolve) => {
    const server = provider.listen(options.port, () => resolve(server));
  });
}

if (process.argv[1]?.endsWith("oidc-provider.ts")) {
  const variable = (name: string) => {
    // The test runner's own configuration of this helper, not Tandem's.
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  void startOidcProvider({
    port: Number(variable("OIDC_PORT")),
    clientId: variable("OIDC_CLIENT_ID"),
    clientSecret: variable("OIDC_CLIENT_SECRET"),
    redirectUris: variable("OIDC_REDIRECT_URI").split(","),
    claimsInIdToken: process.env.OIDC_CLAIMS_IN_ID_TOKEN === "true",
  }).then(() => console.log(`oidc-provider listening on http://localhost:${variable("OIDC_PORT")}`));
}
