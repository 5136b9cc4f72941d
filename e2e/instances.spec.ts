import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { backupDatabase, restoreDatabase } from "@/lib/db/backup";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { signedInClient, startApp, type AppProcess } from "./app-process";
import { expect, test } from "./fixtures";

/**
 * Two app instances on one database, as behind a load balancer: each keeps its own figures in memory
 * (the report, Home's figures, the snapshot), and neither may serve them once the database has moved on,
 * whether through the other instance or through a restore made while both run.
 */

const AUTH_SECRET = "e2e-instances-secret-not-for-production-00";

/** The asset keys in the gap report's CSV, as an instance serves it now. */
async function assetsInReport(client: APIRequestContext): Promise<Set<string>> {
  const response = await client.get("/api/report/export");
  expect(response.status()).toBe(200);
  const [, ...rows] = (await response.text()).trim().split("\n");
  return new Set(rows.map((row) => row.slice(0, row.indexOf(","))));
}

test.describe("several instances on one database", () => {
  test.setTimeout(180_000);

  let tempDir: string;
  let database: EmbeddedDatabase | undefined;
  let apps: AppProcess[] = [];

  test.afterEach(async ({}, testInfo) => {
    for (const app of apps) {
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach("server output", { body: app.output() });
      await app.stop();
    }
    await database?.stop();
    apps = [];
    database = undefined;
    await rm(tempDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  test("a write through one shows on the other's next request, and a restore while both run shows on both", async () => {
    tempDir = await mkdtemp(path.join(os.tmpdir(), "tandem-instances-"));
    // As root the embedded server runs as the `postgres` user and must enter the folder.
    await chmod(tempDir, 0o755);
    database = await startEmbeddedPostgres({ dataDir: path.join(tempDir, "postgres"), databaseName: "tandem", persistent: false });
    const first = await startApp({ DATABASE_URL: database.url, AUTH_SECRET, TANDEM_DEMO: "true" });
    apps.push(first);
    const second = await startApp({ DATABASE_URL: database.url, AUTH_SECRET, TANDEM_DEMO: "true" });
    apps.push(second);
    const [onFirst, onSecond] = await Promise.all([signedInClient(first.url, "admin@example.org"), signedInClient(second.url, "admin@example.org")]);

    // Both compute and keep the report; the backup is of this state.
    const before = await assetsInReport(onSecond);
    expect(await assetsInReport(onFirst)).toEqual(before);
    const asset = [...before].sort()[0]!;
    const backup = path.join(tempDir, "before.sql.gz");
    await backupDatabase(database.url, backup);

    // Retired through the first instance: out of scope, so out of the report, on the second at once.
    expect((await onFirst.post(`/api/assets/${asset}/retire`, { data: {} })).status()).toBe(200);
    expect(await assetsInReport(onSecond)).not.toContain(asset);
    expect(await assetsInReport(onFirst)).not.toContain(asset);

    // Restored while both run: the restored audit trail ends lower than what they kept, yet both show the backup's state.
    await restoreDatabase(database.url, backup, { force: true });
    expect(await assetsInReport(onSecond)).toEqual(before);
    expect(await assetsInReport(onFirst)).toEqual(before);
    await Promise.all([onFirst.dispose(), onSecond.dispose()]);
  });
});
