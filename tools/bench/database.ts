import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { withDatabaseName } from "@/lib/db/database-url";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { dropDatabase, ensureDatabaseExists } from "@/lib/db/migrate";

export interface BenchDatabase {
  url: string;
  /** Where it lives, for the report: "embedded" or the server's host. */
  where: string;
  dispose(): Promise<void>;
}

/**
 * A database of its own for one bench run: a new database on the server DATABASE_URL names when set,
 * otherwise an embedded PostgreSQL in a temporary folder. `dispose` drops or deletes it.
 */
export async function createBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  const name = `tandem_bench_${process.pid}_${randomBytes(3).toString("hex")}`;
  if (serverUrl) {
    const url = withDatabaseName(serverUrl, name);
    await ensureDatabaseExists(url);
    return { url, where: new URL(serverUrl).host, dispose: () => dropDatabase(url) };
  }
  const folder = await mkdtemp(path.join(os.tmpdir(), "tandem-bench-"));
  try {
    // mkdtemp makes the folder private; as root the server runs as the `postgres` user and must enter it.
    await chmod(folder, 0o755);
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(folder, "pg"),
      databaseName: name,
      persistent: false,
      callerHandlesSignals: true,
    });
    return {
      url: embedded.url,
      where: "embedded",
      dispose: async () => {
        try {
          await embedded.stop();
        } finally {
          await rm(folder, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
