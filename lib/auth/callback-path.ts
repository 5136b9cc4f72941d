/** Stands for this site while resolving: whatever resolves elsewhere would leave it. */
const THIS_SITE = "http://tandem.invalid";

/**
 * A path on this site only: it starts with one slash, and holds no control character or backslash, raw or
 * percent-encoded. Browsers drop a tab or newline from a URL and read a backslash as a slash, so
 * `/<TAB>/evil.example` or `/\evil.example` would reach `//evil.example`, another site; a raw newline is also
 * refused by the Location header itself (a 500).
 */
function isPlainPath(text: string): boolean {
  return text.startsWith("/") && !text.startsWith("//") && !/[\u0000-\u001f\u007f\\]/.test(text);
}

/**
 * Where to go after sign-in: a path and query on this site, never another origin (open redirect). Absolute
 * URLs are refused, this site's too: the proxy sends a path (lib/auth/auth.config.ts). The answer is the
 * path as a URL parser serialises it, so what the browser is sent is exactly what was checked.
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2_000 || !isPlainPath(value)) return "/";
  const pathOnly = value.split(/[?#]/, 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathOnly);
  } catch {
    return "/";
  }
  if (!isPlainPath(decoded)) return "/";
  const url = new URL(value, THIS_SITE);
  if (url.origin !== THIS_SITE) return "/";
  if (url.pathname === "/sign-in" || url.pathname.startsWith("/sign-in/")) return "/";
  return `${url.pathname}${url.search}`;
}
