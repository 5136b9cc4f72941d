import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";

/**
 * The server the load test runs against when it is given none: `npm start` (scripts/start.ts) with the
 * demo organisation, on an embedded PostgreSQL in a throwaway folder. The load test starts that
 * database itself so that it knows its address for the check of the writes afterwards.
 */

/** Signs the run's session cookies only; the server and its data are gone when the run ends. */
const LOAD_TEST_AUTH_SECRET = "tandem-load-test-throwaway-secret-0123456789";
const START_TIMEOUT_MS = 15 * 60_000;

export class OwnServer {
  /** Where the server's output goes: the script keeps it after a failed run, for a look at any 5xx. */
  readonly logFile = path.join(os.tmpdir(), `tandem-loadtest-server-${process.pid}.log`);
  private dataDir: string | undefined;
  private database: EmbeddedDatabase | undefined;
  private child: ChildProcess | undefined;
  private starting: Promise<unknown> | undefined;
  private stopped: Promise<void> | undefined;

  start(log: (line: string) => void): Promise<{ origin: string; databaseUrl: string }> {
    const started = this.boot(log);
    this.starting = started;
    return started;
  }

  /**
   * Stops the web server (it finishes its requests in flight), then the database, and deletes the data.
   * Safe at any moment, also while starting (Ctrl-C), and more than once.
   */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      await this.starting?.catch(() => undefined);
      await this.stopWebServer();
      await this.database?.stop();
      if (this.dataDir) await rm(this.dataDir, { recursive: true, force: true });
    })();
    return this.stopped;
  }

  private async boot(log: (line: string) => void) {
    this.dataDir = await mkdtemp(path.join(os.tmpdir(), "tandem-loadtest-"));
    // mkdtemp makes the folder private; as root the server runs as the `postgres` user and must enter it.
    await chmod(this.dataDir, 0o755);
    log(`Starting an embedded PostgreSQL in ${this.dataDir} ...`);
    this.database = await startEmbeddedPostgres({
      dataDir: path.join(this.dataDir, "postgres"),
      databaseName: "tandem",
      persistent: false,
      callerHandlesSignals: true,
    });
    this.ensureNotStopping();
    const port = await findFreePort();
    const origin = `http://127.0.0.1:${port}`;
    log(
      `Starting the server on ${origin} with the demo organisation (output in ${this.logFile}, kept if the run fails; it builds the app first when the build is stale) ...`,
    );
    const output = openSync(this.logFile, "w");
    this.child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: this.database.url,
        AUTH_SECRET: LOAD_TEST_AUTH_SECRET,
        TANDEM_DEMO: "true",
        TANDEM_DATA_DIR: this.dataDir,
        PORT: String(port),
        NEXT_TELEMETRY_DISABLED: "1",
      },
      // Its own process group: Ctrl-C reaches the load test only, which then stops the server in order.
      detached: true,
      stdio: ["ignore", output, output],
    });
    closeSync(output);
    await this.waitUntilHealthy(origin);
    return { origin, databaseUrl: this.database.url };
  }

  private async waitUntilHealthy(origin: string) {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      this.ensureNotStopping();
      if (!this.webServerRuns())
        throw new Error(`The server stopped before it was ready:\n${tail(this.logFile)}`);
      const healthy = await fetch(`${origin}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(
      `The server was not ready within ${START_TIMEOUT_MS / 60_000} minutes:\n${tail(this.logFile)}`,
    );
  }

  private ensureNotStopping() {
    if (this.stopped) throw new Error("Stopped while starting.");
  }

  private webServerRuns(): boolean {
    return Boolean(this.child && this.child.exitCode === null && this.child.signalCode === null);
  }

  private async stopWebServer() {
    const child = this.child;
    if (!child || !this.webServerRuns()) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, 20_000);
    await exited;
    clearTimeout(timer);
  }
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no output)";
  }
}
