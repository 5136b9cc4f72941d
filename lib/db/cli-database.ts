import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { readEnvironment } from "@/lib/config/environment";
import { embeddedUrl, readEmbeddedPassword, startEmbeddedPostgres } from "./embedded";

export interface CliDatabase {
  url: string;
  /** Stops the embedded server when this command started it; a no-op otherwise. */
  release(): Promise<void>;
}

/**
 * The database a command-line tool works on: DATABASE_URL when set; otherwise the embedded database of
 * `npm start` (TANDEM_DATA_DIR, default `.data`), reached while the app runs, or started for the
 * duration of the command when it does not.
 */
export async function openCliDatabase(): Promise<CliDatabase> {
  const environment = readEnvironment();
  if (environment.DATABASE_URL) return { url: environment.DATABASE_URL, release: async () => undefined };
  const clusterDir = path.join(path.resolve(environment.TANDEM_DATA_DIR), "postgres");
  const running = runningServerPort(clusterDir);
  const password = readEmbeddedPassword(clusterDir);
  // A running cluster without a kept password is one made before they were random: its next start replaces it.
  if (running && password) return { url: embeddedUrl(running, password, "tandem"), release: async () => undefined };
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    throw new Error(`No database: DATABASE_URL is not set and there is no embedded database in ${clusterDir}. Run \`npm start\` once first.`);
  }
  const embedded = await startEmbeddedPostgres({ dataDir: clusterDir, databaseName: "tandem", persistent: true });
  return { url: embedded.url, release: () => embedded.stop() };
}

/** postmaster.pid's fourth line is the port of a server that is running on that data folder. */
function runningServerPort(clusterDir: string): number | null {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  return Number.isInteger(port) && port > 0 ? port : null;
}
