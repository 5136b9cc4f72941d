/** Where to go after sign-in: only a path on this site, never another origin (open redirect). */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2_000) return "/";
  let path = value;
  try {
    // next-auth hands over absolute URLs of this site; keep their path only.
    if (/^https?:\/\//i.test(value)) {
      const url = new URL(value);
      path = `${url.pathname}${url.search}`;
    }
  } catch {
    return "/";
  }
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\") || path.startsWith("/sign-in")) return "/";
  return path;
}
