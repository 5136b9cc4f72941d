import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { buildIsStale, NEXT_BIN, waitForHealthy } from "@/scripts/next-process";

export interface RunningServer {
  baseUrl: string;
  /** The process `scripts/start.ts` runs in; the web server is its child. */
  pid: number;
  /** The last lines it printed, to explain a failure. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Builds the app when the build is missing or older than the code, as `npm start` does.
 * TANDEM_SKIP_BUILD=true measures an existing build as it is (when others are changing the code).
 */
export async function ensureProductionBuild(
  log: (message: string) => void,
  track: (child: ChildProcess) => void,
): Promise<"current" | "built" | "kept-stale"> {
  if (!(await buildIsStale())) return "current";
  if (process.env.TANDEM_SKIP_BUILD === "true" && existsSync(path.join(".next", "BUILD_ID"))) {
    log("The build is older than the code; measuring it anyway (TANDEM_SKIP_BUILD=true).");
    return "kept-stale";
  }
  log("Building the app (next build) ...");
  const child = spawn(process.execPath, [NEXT_BIN, "build"], {
    stdio: ["ignore", 2, 2],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  track(child);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  return "built";
}

/**
 * The production server through `scripts/start.ts`, exactly as deployed against a DATABASE_URL (no demo
 * data, migrations already applied). It runs in its own process group, so stopping it stops the web
 * server it started too, whatever state either is in.
 */
export async function startProductionServer(options: {
  databaseUrl: string;
  port: number;
  authSecret: string;
}): Promise<RunningServer> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "start.ts")], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port),
      AUTH_SECRET: options.authSecret,
      TANDEM_DEMO: "false",
      TANDEM_SKIP_BUILD: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 200));
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      signalGroup(child.pid, "SIGTERM");
      const forced = setTimeout(() => signalGroup(child.pid!, "SIGKILL"), 15_000);
      await exited;
      clearTimeout(forced);
      // start.ts may have exited before its web server did: nothing of the group may outlive the bench.
      signalGroup(child.pid, "SIGKILL");
    })());

  const baseUrl = `http://127.0.0.1:${options.port}`;
  try {
    await Promise.race([
      waitForHealthy(`${baseUrl}/api/health`, 180_000),
      exited.then(() => {
        throw new Error("The server stopped while starting");
      }),
    ]);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${lines.slice(-30).join("\n")}`);
  }
  return { baseUrl, pid: child.pid!, output: () => lines.join("\n"), stop };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}
