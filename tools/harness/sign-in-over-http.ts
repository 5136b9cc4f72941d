/** The cookies a browser would keep for one origin: what `Set-Cookie` sets, minus what it expires. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** The `Cookie` header to send, empty when there is nothing to send. */
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.slice(0, line.indexOf(";") === -1 ? undefined : line.indexOf(";"));
      const equals = pair.indexOf("=");
      if (equals <= 0) continue;
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      if (/max-age=0\b|expires=thu, 01 jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/**
 * Signs in as a browser does with next-auth's credentials flow: a CSRF token, the form post, then
 * `/api/me`, which must answer 200; returns what it answered (who is signed in). `send` sends one request
 * with the session's cookies and keeps those that come back.
 */
export async function signInWithPassword(
  send: (path: string, init?: RequestInit) => Promise<Response>,
  origin: string,
  email: string,
  password: string,
): Promise<unknown> {
  const csrf = await send("/api/auth/csrf");
  const { csrfToken } = (await csrf.json().catch(() => ({}))) as { csrfToken?: string };
  if (!csrfToken) throw new Error(`Signing in as ${email}: /api/auth/csrf answered ${csrf.status} without a CSRF token.`);
  const callback = await send("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${origin}/` }).toString(),
  });
  await callback.arrayBuffer();
  const me = await send("/api/me");
  const body: unknown = await me.json().catch(() => null);
  if (me.status !== 200) throw new Error(`Signing in as ${email} failed: /api/me answered ${me.status}. Is the password "${password}" right?`);
  return body;
}
