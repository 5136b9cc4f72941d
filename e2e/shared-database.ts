import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { embeddedUrl, readEmbeddedPassword } from "@/lib/db/embedded";

/**
 * Runs `work` on the database of the shared e2e server (the embedded PostgreSQL that playwright.config.ts
 * starts in E2E_DATA_DIR), for a spec that needs rows no screen can make yet. Plain SQL through `pg`:
 * Prisma's client is server-only, and Playwright does not run under the react-server condition.
 */
export async function withSharedDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set: run the specs through playwright.config.ts");
  const clusterDir = path.join(dataDir, "postgres");
  // postmaster.pid's fourth line is the port the server listens on.
  const port = Number(readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[3]);
  const password = readEmbeddedPassword(clusterDir);
  if (!password) throw new Error(`The shared e2e database in ${clusterDir} has no password file`);
  const client = new pg.Client({ connectionString: embeddedUrl(port, password, "tandem") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
