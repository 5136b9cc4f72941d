import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { useTestDatabase } from "@/tools/testing/test-database";
import { databaseNameOf, withDatabaseName } from "./database-url";
import { applyMigrations, dropDatabase, ensureDatabaseExists, MigrationError, readMigrations } from "./migrate";

async function migrationsDir(migrations: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tandem-migrations-"));
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function tableExists(url: string, table: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT to_regclass($1) IS NOT NULL AS present", [`public."${table}"`]);
    return rows[0].present;
  } finally {
    await client.end();
  }
}

describe("applyMigrations", () => {
  const db = useTestDatabase();

  it("finds the project's migrations in Prisma's layout, in order", async () => {
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.map((m) => m.name)).toEqual(migrations.map((m) => m.name).sort());
  });

  it("has nothing to do on a database that is up to date", async () => {
    expect(await applyMigrations(db.url)).toEqual([]);
  });

  it("applies new migrations in order, once", async () => {
    const dir = await migrationsDir({
      "20990101000000_first": 'CREATE TABLE "Probe" (id int);',
      "20990101000001_second": 'ALTER TABLE "Probe" ADD COLUMN label text;',
    });
    expect(await applyMigrations(db.url, dir)).toEqual(["20990101000000_first", "20990101000001_second"]);
    expect(await applyMigrations(db.url, dir)).toEqual([]);
  });

  it("starts a new database epoch when it applied a migration, and only then", async () => {
    const epoch = async () => (await db.prisma.databaseEpoch.findUniqueOrThrow({ where: { id: 1 } })).epoch;
    const before = await epoch();
    expect(await applyMigrations(db.url)).toEqual([]);
    expect(await epoch()).toBe(before);
    await applyMigrations(db.url, await migrationsDir({ "20990101000002_third": 'CREATE TABLE "Epoch probe" (id int);' }));
    expect(await epoch()).not.toBe(before);
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const dir = await migrationsDir({ "20990101000000_first": 'CREATE TABLE "Probe" (id bigint);' });
    await expect(applyMigrations(db.url, dir)).rejects.toThrow(MigrationError);
  });

  it("rolls a failing migration back entirely and records nothing", async () => {
    const dir = await migrationsDir({
      "20990101000000_first": 'CREATE TABLE "Probe" (id int);',
      "20990101000001_second": 'ALTER TABLE "Probe" ADD COLUMN label text;',
      "20990101000002_broken": 'CREATE TABLE "HalfDone" (id int); SELECT no_such_function();',
    });
    await expect(applyMigrations(db.url, dir)).rejects.toThrow(/20990101000002_broken failed/);
    expect(await tableExists(db.url, "HalfDone")).toBe(false);
    const fixed = await migrationsDir({
      "20990101000000_first": 'CREATE TABLE "Probe" (id int);',
      "20990101000001_second": 'ALTER TABLE "Probe" ADD COLUMN label text;',
      "20990101000002_broken": 'CREATE TABLE "HalfDone" (id int);',
    });
    expect(await applyMigrations(db.url, fixed)).toEqual(["20990101000002_broken"]);
  });
});

describe("the migration of concerns that apply to every kind", () => {
  it("marks privacy-compliance and security-access in a catalog made before it, and gives them every kind", async () => {
    const template = inject("templateDatabaseUrl");
    const url = withDatabaseName(template, `${databaseNameOf(template)}_every_kind`);
    await ensureDatabaseExists(url);
    try {
      const all = await readMigrations();
      const before = all.filter((migration) => migration.name < "20261203100000_concerns_for_every_kind");
      await applyMigrations(url, await migrationsDir(Object.fromEntries(before.map((migration) => [migration.name, migration.sql]))));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`INSERT INTO "AssetKind" (key, label) VALUES ('website', 'Website'), ('podcast', 'Podcast')`);
        await client.query(`INSERT INTO "Concern" (key, name, home, "updatedAt") VALUES ('privacy-compliance', 'Privacy', 'shared', now()), ('content', 'Content', 'marketing', now())`);
        await client.query(`INSERT INTO "ConcernApplicability" ("concernId", "kindId") SELECT c.id, k.id FROM "Concern" c, "AssetKind" k WHERE k.key = 'website'`);
      } finally {
        await client.end();
      }
      // The partial run recorded the same migration names, so only the rest applies now.
      await applyMigrations(url);
      const after = new pg.Client({ connectionString: url });
      await after.connect();
      try {
        const { rows } = await after.query<{ key: string; every: boolean; kinds: string }>(
          `SELECT c.key, c."appliesToEveryKind" AS every, string_agg(k.key, ',' ORDER BY k.key) AS kinds
           FROM "Concern" c JOIN "ConcernApplicability" a ON a."concernId" = c.id JOIN "AssetKind" k ON k.id = a."kindId"
           GROUP BY c.key, c."appliesToEveryKind" ORDER BY c.key`,
        );
        expect(rows).toEqual([
          { key: "content", every: false, kinds: "website" },
          { key: "privacy-compliance", every: true, kinds: "podcast,website" },
        ]);
      } finally {
        await after.end();
      }
    } finally {
      await dropDatabase(url);
    }
  });
});
