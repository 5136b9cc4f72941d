import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { launchAppServer, type AppServer } from "@/tools/harness/app-server";

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
  private server: AppServer | undefined;
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
      // Stopping a server still starting makes its start fail; one launched meanwhile is stopped after.
      await this.server?.stop();
      await this.starting?.catch(() => undefined);
      await this.server?.stop();
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
    if (this.stopped) throw new Error("Stopped while starting.");
    const port = await findFreePort();
    log(
      `Starting the server on port ${port} with the demo organisation (output in ${this.logFile}, kept if the run fails; it builds the app first when the build is stale) ...`,
    );
    this.server = launchAppServer({
      port,
      env: { DATABASE_URL: this.database.url, AUTH_SECRET: LOAD_TEST_AUTH_SECRET, TANDEM_DEMO: "true", TANDEM_DATA_DIR: this.dataDir },
      timeoutMs: START_TIMEOUT_MS,
      logFile: this.logFile,
    });
    await this.server.ready;
    return { origin: this.server.origin, databaseUrl: this.database.url };
  }
}
