export interface TimedResponse {
  status: number;
  /** Until the first chunk of the body arrived. */
  firstByteMs: number;
  /** Until the whole body was read. */
  totalMs: number;
  bytes: number;
}

/**
 * A signed-in visitor over plain HTTP: next-auth's credentials flow (CSRF token, then the callback) with
 * a small cookie jar, as a browser does it, so each measured request carries a real session.
 */
export class HttpSession {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async signIn(email: string, password: string): Promise<void> {
    const csrf = await this.fetch("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
    if (!csrfToken) throw new Error("Sign-in failed: no CSRF token from /api/auth/csrf");
    const response = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${this.baseUrl}/` }).toString(),
    });
    await response.arrayBuffer();
    const me = await this.fetch("/api/me");
    await me.arrayBuffer();
    if (me.status !== 200) throw new Error(`Sign-in as ${email} failed: /api/me answered ${me.status}`);
  }

  /** GETs a path signed in and reads the whole body; anything but 200 is an error, never a timing. */
  async timedGet(path: string): Promise<TimedResponse> {
    const started = performance.now();
    const response = await this.fetch(path);
    let firstByteMs = Number.NaN;
    let bytes = 0;
    if (response.body) {
      const reader = response.body.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        if (bytes === 0) firstByteMs = performance.now() - started;
        bytes += chunk.value.byteLength;
      }
    }
    const totalMs = performance.now() - started;
    if (response.status !== 200)
      throw new Error(
        `GET ${path} answered ${response.status}${response.headers.get("location") ? ` (to ${response.headers.get("location")})` : ""}`,
      );
    return {
      status: response.status,
      firstByteMs: Number.isNaN(firstByteMs) ? totalMs : firstByteMs,
      totalMs,
      bytes,
    };
  }

  /** POSTs JSON as the app's own pages do (same origin) and returns the status and parsed body. */
  async postJson(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
    const response = await this.fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json", origin: this.baseUrl },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  }

  private async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0)
      headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const separator = pair!.indexOf("=");
      const name = pair!.slice(0, separator).trim();
      const value = pair!.slice(separator + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}
