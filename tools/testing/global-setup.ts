import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { withDatabaseName } from "@/lib/db/database-url";
import { applyMigrations, dropDatabase, ensureDatabaseExists } from "@/lib/db/migrate";

/**
 * Integration tests run on a throwaway, freshly migrated database made for this run: on the server that
 * TEST_DATABASE_URL names when set, otherwise on an embedded PostgreSQL in a temporary folder.
 * Each test file then copies it as a template (see test-database.ts), so files never see each other's rows.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let tempDir: string | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    tempDir = await mkdtemp(path.join(os.tmpdir(), "tandem-test-"));
    // mkdtemp makes the folder private; as root the server runs as the `postgres` user and must enter it.
    await chmod(tempDir, 0o755);
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(tempDir, "pg"),
      databaseName: "postgres",
      persistent: false,
    });
    serverUrl = embedded.url;
  }
  const templateUrl = withDatabaseName(serverUrl, `tandem_test_${process.pid}_${Date.now()}`);
  await ensureDatabaseExists(templateUrl);
  await applyMigrations(templateUrl);
  project.provide("templateDatabaseUrl", templateUrl);

  return async () => {
    await dropDatabase(templateUrl).catch(() => undefined);
    await embedded?.stop();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
  }
}
