import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { TSX_NODE_ARGS, waitForHealthy } from "@/lib/commands/next-process";

/** Tandem started by the bench or the load test, exactly as `npm start` runs it. */
export interface AppServer {
  origin: string;
  /** The process `scripts/start.ts` runs in; the web server is its child. */
  pid: number;
  /** Settles when /api/health answers; rejects, with the server's last lines, when it stops or times out first. */
  ready: Promise<void>;
  /** The last lines the server printed, to explain a failure. */
  output(): string;
  /** Stops the server and everything it started; safe at any moment, also while starting, and more than once. */
  stop(): Promise<void>;
}

const KEPT_LINES = 200;

/**
 * Runs `scripts/start.ts` on `port` with `env` added to this process's environment, in a process group of
 * its own: Ctrl-C reaches only the tool, which then stops the server in order, and stopping the group
 * stops the web server too, whatever state either is in. Its output goes to `logFile` when given (kept for
 * a look after a failed run), else only its last lines are kept in memory.
 */
export function launchAppServer(options: { port: number; env: Record<string, string>; timeoutMs: number; logFile?: string }): AppServer {
  const logFd = options.logFile ? openSync(options.logFile, "w") : undefined;
  const child = spawn(process.execPath, [...TSX_NODE_ARGS, path.join("scripts", "start.ts")], {
    detached: true,
    stdio: logFd === undefined ? ["ignore", "pipe", "pipe"] : ["ignore", logFd, logFd],
    env: { ...process.env, ...options.env, PORT: String(options.port), NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (logFd !== undefined) closeSync(logFd);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - KEPT_LINES));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const output = () => (options.logFile ? tail(options.logFile, KEPT_LINES) : lines.join("\n"));

  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      signalGroup(child.pid, "SIGTERM");
      const forced = setTimeout(() => signalGroup(child.pid!, "SIGKILL"), 20_000);
      await exited;
      clearTimeout(forced);
      // start.ts may have exited before its web server did: nothing of the group may outlive the tool.
      signalGroup(child.pid, "SIGKILL");
    })());

  const origin = `http://127.0.0.1:${options.port}`;
  const ready = Promise.race([
    waitForHealthy(`${origin}/api/health`, options.timeoutMs),
    exited.then(() => {
      throw new Error(stopped ? "Stopped while starting." : "The server stopped while starting.");
    }),
  ]).catch(async (error: unknown) => {
    await stop();
    throw new Error(`${(error as Error).message}\n${output().split("\n").slice(-30).join("\n")}`);
  });
  return { origin, pid: child.pid!, ready, output, stop };
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no output)";
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}
