import { CookieJar, signInWithPassword } from "@/tools/harness/sign-in-over-http";
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
  private readonly cookies = new CookieJar();

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

  /** next-auth's credentials sign-in, each of its requests recorded as "sign-in"; returns what `/api/me` answered. */
  signIn(email: string, password: string): Promise<unknown> {
    return signInWithPassword((path, init) => this.fetchRecorded("sign-in", "sign-in", path, init ?? {}), this.origin, email, password);
  }

  private async send(kind: RequestKind, label: string, path: string, init: RequestInit): Promise<Answer> {
    try {
      const response = await this.fetchRecorded(kind, label, path, init);
      return { status: response.status, body: await response.text() };
    } catch (error) {
      return { status: 0, body: "", error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** One request with the session's cookies, timed until its whole body is read and recorded, also when it fails. */
  private async fetchRecorded(kind: RequestKind, label: string, path: string, init: RequestInit): Promise<Response> {
    const started = performance.now();
    let status = 0;
    try {
      const response = await fetch(new URL(path, this.origin), {
        ...init,
        headers: { ...(init.headers as Record<string, string>), cookie: this.cookies.header() },
        redirect: "manual",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      this.cookies.keep(response);
      const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
      status = response.status;
      return new Response(body, { status, headers: response.headers });
    } finally {
      this.recorder.add({ kind, label, status, ms: performance.now() - started });
    }
  }
}

/** Statuses whose response can carry no body (a `Response` made with one throws). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function describe(answer: Answer): string {
  return answer.status === 0 ? `no response: ${answer.error}` : `HTTP ${answer.status}`;
}
