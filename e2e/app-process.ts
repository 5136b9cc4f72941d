import { spawn, type ChildProcess } from "node:child_process";
import { request, type APIRequestContext } from "@playwright/test";
import { findFreePort } from "@/lib/db/embedded";
import { DEMO_PASSWORD } from "./fixtures";
import { TSX_NODE_ARGS } from "@/lib/commands/next-process";

/**
 * A Tandem server of a test's own, started as `npm start` does (scripts/start.ts), for tests that stop
 * its database or the server itself and so cannot use the shared one. It runs the production build the
 * shared server made before the tests began: it never builds, so it cannot race that build.
 */
export interface AppProcess {
  url: string;
  child: ChildProcess;
  /** Everything the server printed, for the failure message and for checks. */
  output: () => string;
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL to the whole process group after `graceMs`; safe to call when it has exited. */
  stop: (graceMs?: number) => Promise<void>;
}

export async function startApp(env: Record<string, string>): Promise<AppProcess> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...TSX_NODE_ARGS, "scripts/start.ts"], {
    env: { ...process.env, ...env, PORT: String(port), TANDEM_SKIP_BUILD: "true", NEXT_TELEMETRY_DISABLED: "1" },
    // Its own process group, so that a failed test can end the server, Next.js and PostgreSQL together.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const app: AppProcess = {
    url,
    child,
    output: () => output,
    exited,
    async stop(graceMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => killGroup(child), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  try {
    await waitUntilHealthy(app, 90_000);
  } catch (error) {
    killGroup(child);
    throw error;
  }
  return app;
}

function killGroup(child: ChildProcess) {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // already gone
  }
}

async function waitUntilHealthy(app: AppProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null) throw new Error(`The server exited with ${app.child.exitCode}:\n${app.output()}`);
    const healthy = await fetch(`${app.url}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not become healthy within ${timeoutMs / 1000} s:\n${app.output()}`);
}

/** Signs in over HTTP (Auth.js's credentials callback) and returns a request context holding the session. */
export async function signedInClient(baseURL: string, email: string): Promise<APIRequestContext> {
  const client = await request.newContext({ baseURL });
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await client.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: DEMO_PASSWORD, callbackUrl: baseURL } });
  const me = await client.get("/api/me");
  if (!me.ok()) throw new Error(`Signing in as ${email} failed: /api/me answered ${me.status()}`);
  return client;
}

export async function cookieHeaderOf(client: APIRequestContext): Promise<string> {
  return (await client.storageState()).cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}
