import { CookieJar, signInWithPassword } from "@/tools/harness/sign-in-over-http";

export interface TimedResponse {
  status: number;
  /** Until the first chunk of the body arrived. */
  firstByteMs: number;
  /** Until the whole body was read. */
  totalMs: number;
  bytes: number;
}

/**
 * A signed-in visitor over plain HTTP: next-auth's credentials flow and a cookie jar, as a browser, so each
 * measured request carries a real session.
 */
export class HttpSession {
  private readonly cookies = new CookieJar();

  constructor(private readonly baseUrl: string) {}

  async signIn(email: string, password: string): Promise<void> {
    await signInWithPassword((path, init) => this.fetch(path, init), this.baseUrl, email, password);
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
    const cookie = this.cookies.header();
    if (cookie) headers.set("cookie", cookie);
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    this.cookies.keep(response);
    return response;
  }
}
