import type { RequestKind, RequestRecord } from "./requests";

/**
 * One browser-like session against the server: it keeps its cookies, sends writes as the app's own
 * pages do (JSON, with the server's origin in `Origin`), and records every request it sends.
 */

const TIMEOUT_MS = 30_000;

export interface Answer {
  /** 0 when no response came. */
  status: number;
  body: string;
  /** Why no response came, for the report. */
  error?: string;
}

export interface Recorder {
  add(record: RequestRecord): void;
}

export class HttpSession {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly origin: string,
    private readonly recorder: Recorder,
  ) {}

  async get(kind: RequestKind, label: string, path: string): Promise<Answer> {
    return this.send(kind, label, path, { method: "GET" });
  }

  async writeJson(kind: RequestKind, method: "POST" | "PUT", path: string, body: unknown): Promise<Answer> {
    return this.send(kind, kind, path, {
      method,
      headers: { "content-type": "application/json", origin: this.origin },
      body: JSON.stringify(body),
    });
  }

  /** Auth.js's credentials sign-in: a CSRF token first, then the form post that sets the session cookie. */
  async signIn(email: string, password: string): Promise<void> {
    const csrf = await this.get("sign-in", "sign-in", "/api/auth/csrf");
    const csrfToken =
      csrf.status === 200 ? (JSON.parse(csrf.body) as { csrfToken?: string }).csrfToken : undefined;
    if (!csrfToken) throw new Error(`Signing in as ${email}: /api/auth/csrf answered ${describe(csrf)}.`);
    const form = new URLSearchParams({ csrfToken, email, password, callbackUrl: this.origin });
    const answer = await this.send("sign-in", "sign-in", "/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: this.origin },
      body: form.toString(),
    });
    if (
      answer.status !== 302 ||
      ![...this.cookies.keys()].some((name) => name.includes("authjs.session-token"))
    ) {
      throw new Error(
        `Signing in as ${email} failed (${describe(answer)}): is this the demo organisation, with the password "${password}"?`,
      );
    }
  }

  private async send(kind: RequestKind, label: string, path: string, init: RequestInit): Promise<Answer> {
    const started = performance.now();
    let answer: Answer;
    try {
      const response = await fetch(new URL(path, this.origin), {
        ...init,
        headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader() },
        redirect: "manual",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      this.keepCookies(response.headers.getSetCookie());
      answer = { status: response.status, body: await response.text() };
    } catch (error) {
      answer = { status: 0, body: "", error: error instanceof Error ? error.message : String(error) };
    }
    this.recorder.add({ kind, label, status: answer.status, ms: performance.now() - started });
    return answer;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private keepCookies(setCookies: string[]) {
    for (const line of setCookies) {
      const pair = line.slice(0, line.indexOf(";") === -1 ? undefined : line.indexOf(";"));
      const equals = pair.indexOf("=");
      if (equals <= 0) continue;
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      const expired = /max-age=0\b/i.test(line) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export function describe(answer: Answer): string {
  return answer.status === 0 ? `no response: ${answer.error}` : `HTTP ${answer.status}`;
}
