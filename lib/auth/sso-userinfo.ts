import type { SingleSignOnProfile } from "./sso";

/**
 * The email claims of a sign-in through the provider, from the ID token or else from UserInfo. OpenID Connect
 * lets a provider that issues an access token return `email` and `email_verified` from its UserInfo endpoint
 * only, and a conformant one does (oidc-provider by default): reading the ID token alone refused everyone
 * ("did not confirm your email") there.
 */

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

const TIMEOUT_MS = 5_000;

export function lacksEmailClaims(profile: SingleSignOnProfile | undefined): boolean {
  return profile?.email === undefined || profile.email_verified === undefined;
}

async function readJson(fetcher: Fetch, url: string, init: RequestInit = {}): Promise<Record<string, unknown> | null> {
  const response = await fetcher(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) return null;
  const body: unknown = await response.json();
  return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
}

/**
 * The ID token's claims, completed from UserInfo when they lack the email or its verification: the provider's
 * UserInfo endpoint (found through its discovery document) read with the sign-in's access token. UserInfo
 * whose `sub` is not the ID token's is ignored, as the specification requires (it would be someone else's).
 * Claims the ID token has are kept; only those it lacks are taken from UserInfo.
 */
export async function withUserInfoClaims(
  profile: SingleSignOnProfile | undefined,
  issuer: string,
  accessToken: string | undefined,
  fetcher: Fetch = fetch,
): Promise<SingleSignOnProfile | undefined> {
  if (!profile || !accessToken || !lacksEmailClaims(profile)) return profile;
  const discovery = await readJson(fetcher, `${issuer}/.well-known/openid-configuration`);
  const endpoint = discovery?.userinfo_endpoint;
  if (typeof endpoint !== "string" || !URL.canParse(endpoint)) return profile;
  const userInfo = await readJson(fetcher, endpoint, { headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" } });
  if (!userInfo || userInfo.sub === undefined || userInfo.sub !== profile.sub) return profile;
  return {
    ...profile,
    email: profile.email ?? userInfo.email,
    email_verified: profile.email_verified ?? userInfo.email_verified,
  };
}
