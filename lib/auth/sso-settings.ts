/**
 * Single sign-on through any OpenID Connect provider (Okta, Entra ID, Google, Keycloak, ...), configured
 * by environment variables. Without `AUTH_OIDC_ISSUER` there is no SSO and sign-in is by password only.
 * Free of next-auth, so the proxy's security headers can read it too.
 */
// Relative, not "@/": next.config.ts loads this module (through the security headers) without the path alias.
import { readEnvironment } from "../config/environment";
import type { SingleSignOnPolicy } from "./sso";

/** The Auth.js provider id: it names the callback URL to register at the provider, `/api/auth/callback/oidc`. */
export const OIDC_PROVIDER_ID = "oidc";

export interface SingleSignOnSettings extends SingleSignOnPolicy {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the sign-in button calls the provider: "Sign in with <name>". */
  name: string;
}

/** The variables single sign-on is configured by (as `readEnvironment` gives them, or raw). */
type OidcVariables = Partial<Record<"AUTH_OIDC_ISSUER" | "AUTH_OIDC_CLIENT_ID" | "AUTH_OIDC_CLIENT_SECRET" | "AUTH_OIDC_NAME" | "AUTH_OIDC_ALLOWED_DOMAINS", string>> & {
  AUTH_OIDC_EMAIL_VERIFIED_OPTIONAL?: boolean;
};

/**
 * The SSO settings, or null when SSO is not configured. A half-done configuration (an issuer without its
 * client, or an issuer that is not a URL) throws, naming what is wrong, rather than silently hiding SSO.
 */
export function singleSignOnSettings(env: OidcVariables = readEnvironment()): SingleSignOnSettings | null {
  const issuer = env.AUTH_OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const clientId = env.AUTH_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.AUTH_OIDC_CLIENT_SECRET?.trim();
  const missing = [!clientId && "AUTH_OIDC_CLIENT_ID", !clientSecret && "AUTH_OIDC_CLIENT_SECRET"].filter(Boolean);
  if (missing.length) throw new Error(`AUTH_OIDC_ISSUER is set but ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not.`);
  if (!/^https?:\/\//i.test(issuer) || !URL.canParse(issuer)) {
    throw new Error(`AUTH_OIDC_ISSUER must be the provider's issuer URL (https://...), not "${issuer}".`);
  }
  return {
    // Auth.js appends "/.well-known/openid-configuration" to the issuer as given.
    issuer: issuer.replace(/\/+$/, ""),
    clientId: clientId!,
    clientSecret: clientSecret!,
    name: env.AUTH_OIDC_NAME?.trim() || "single sign-on",
    requireVerifiedEmail: env.AUTH_OIDC_EMAIL_VERIFIED_OPTIONAL !== true,
    allowedDomains: env.AUTH_OIDC_ALLOWED_DOMAINS
      ? env.AUTH_OIDC_ALLOWED_DOMAINS.split(",").map((domain) => domain.trim().toLowerCase()).filter(Boolean)
      : null,
  };
}

/**
 * The provider's origin when SSO is configured. A sign-in form whose submission ends in a redirect to the
 * provider (before the page's JavaScript has loaded) needs it in the CSP's `form-action`.
 */
export function singleSignOnOrigin(env: OidcVariables = readEnvironment()): string | null {
  const issuer = env.AUTH_OIDC_ISSUER?.trim();
  if (!issuer || !URL.canParse(issuer)) return null;
  return new URL(issuer).origin;
}
