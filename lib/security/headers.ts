// Relative, not "@/": next.config.ts loads this file too.
import { singleSignOnOrigin } from "../auth/sso-settings";

/**
 * The security headers of every response. The Content-Security-Policy carries a fresh nonce per request
 * (set by the proxy): Next.js puts it on its own scripts, and 'strict-dynamic' lets those load the rest,
 * so no inline script an attacker injects can run. Styles allow 'unsafe-inline' because React style
 * attributes (charts, progress bars) are inline styles; they cannot run code.
 */
export function contentSecurityPolicy(
  nonce: string,
  { development, signInProvider = singleSignOnOrigin() }: { development: boolean; signInProvider?: string | null },
): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    // The SSO button's form ends in a redirect to the provider when submitted before JavaScript has loaded.
    `form-action 'self'${signInProvider ? ` ${signInProvider}` : ""}`,
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** Headers that do not change per request: also sent with static files, which the proxy does not see. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/** Two years, as browsers' preload lists expect; only sent when the request came over HTTPS. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** Whether the request reached us over HTTPS, directly or through a TLS-terminating proxy. */
export function isHttpsRequest(url: URL, headers: Headers): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return (forwarded ?? url.protocol.replace(":", "")) === "https";
}

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
