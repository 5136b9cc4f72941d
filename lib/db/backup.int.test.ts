import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { fingerprintDatabase as fingerprint } from "@/tools/testing/fingerprint";
import { createTestDatabase, useTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { backupDatabase, BackupError, restoreDatabase } from "./backup";
import { dropDatabase } from "./migrate";

describe("backup and restore", () => {
  const source = useTestDatabase();
  const folder = mkdtempSync(path.join(os.tmpdir(), "tandem-backup-"));
  const file = path.join(folder, "demo.sql.gz");
  const targets: TestDatabase[] = [];
  const freshDatabase = async () => {
    const target = await createTestDatabase();
    targets.push(target);
    return target;
  };

  beforeAll(async () => {
    await seedDemoOrganisation(source.prisma);
    await backupDatabase(source.url, file);
  });
  afterAll(async () => {
    for (const target of targets) {
      await target.prisma.$disconnect();
      await dropDatabase(target.url);
    }
    rmSync(folder, { recursive: true, force: true });
  });

  it("writes the file readable by its owner only, as it holds password hashes", () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("round-trips the demo organisation exactly, and ids continue after the restored rows", async () => {
    const target = await freshDatabase();
    const summary = await restoreDatabase(target.url, file);
    expect(summary.tables.find((table) => table.table === "Assignment")!.rows).toBeGreaterThan(500);
    expect(await fingerprint(target.url)).toEqual(await fingerprint(source.url));
    const team = await target.prisma.team.create({ data: { name: "After the restore", function: "it" } });
    const highest = await source.prisma.team.aggregate({ _max: { id: true } });
    expect(team.id).toBeGreaterThan(highest._max.id!);
  });

  it("starts a new database epoch, so that no app instance serves figures kept from before the restore", async () => {
    const target = await freshDatabase();
    const epochOf = async () => (await target.prisma.databaseEpoch.findUniqueOrThrow({ where: { id: 1 } })).epoch;
    const before = await epochOf();
    await restoreDatabase(target.url, file);
    const restored = await epochOf();
    expect(restored).not.toBe(before);
    expect(restored).not.toBe((await source.prisma.databaseEpoch.findUniqueOrThrow({ where: { id: 1 } })).epoch);
  });

  it("refuses to overwrite a database that holds data unless forced", async () => {
    const target = await freshDatabase();
    await target.prisma.team.create({ data: { name: "Existing", function: "marketing" } });
    await expect(restoreDatabase(target.url, file)).rejects.toThrow(/already holds data/);
    expect(await target.prisma.team.count()).toBe(1);
    await restoreDatabase(target.url, file, { force: true });
    expect(await fingerprint(target.url)).toEqual(await fingerprint(source.url));
  });

  it("leaves the database as it was when the file is damaged midway", async () => {
    const text = gunzipSync(readFileSync(file)).toString("utf8");
    const damagedFile = path.join(folder, "damaged.sql.gz");
    // A row of the assignments with a column missing: PostgreSQL rejects it after earlier tables were copied.
    const damaged = text.replace(/(COPY "Assignment" [^\n]*\n)([^\n]*)\t[^\t\n]*\n/, "$1$2\n");
    expect(damaged).not.toBe(text);
    writeFileSync(damagedFile, gzipSync(damaged));
    const target = await freshDatabase();
    await target.prisma.team.create({ data: { name: "Kept", function: "it" } });
    await expect(restoreDatabase(target.url, damagedFile, { force: true })).rejects.toThrow();
    expect((await target.prisma.team.findMany()).map((team) => team.name)).toEqual(["Kept"]);
    expect(await target.prisma.person.count()).toBe(0);
  });

  it("refuses a file that is not a backup, and SQL smuggled into a COPY line", async () => {
    const target = await freshDatabase();
    const notBackup = path.join(folder, "not-a-backup.gz");
    writeFileSync(notBackup, gzipSync("hello\n"));
    await expect(restoreDatabase(target.url, notBackup)).rejects.toThrow(BackupError);
    const smuggled = path.join(folder, "smuggled.sql.gz");
    writeFileSync(smuggled, gzipSync(`-- Tandem backup, format 1\nCOPY "Team" ("id"); DROP TABLE "Person"; -- FROM stdin;\n\\.\n`));
    await expect(restoreDatabase(target.url, smuggled)).rejects.toThrow(/not a table of this database/);
    expect(await target.prisma.person.count()).toBe(0);
  });

  it("refuses a backup from a newer version of the schema", async () => {
    const text = gunzipSync(readFileSync(file)).toString("utf8");
    const newer = path.join(folder, "newer.sql.gz");
    writeFileSync(newer, gzipSync(text.replace(/^-- migrations (.*)$/m, "-- migrations $1,29990101000000_from_the_future")));
    const target = await freshDatabase();
    await expect(restoreDatabase(target.url, newer)).rejects.toThrow(/newer version of Tandem/);
  });
});
