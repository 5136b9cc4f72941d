import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureDefaultCatalog } from "@/lib/catalog/default-catalog";
import { backupDatabase, restoreDatabase } from "@/lib/db/backup";
import { runImport } from "@/lib/import-export/run-import";
import { allFixtures, csvFile } from "@/tools/testing/import-files";
import { useTestDatabase } from "@/tools/testing/test-database";

/**
 * The attribute history is written by the database itself (triggers of the migration
 * 20261203140000_attribute_history), whatever makes a change: after any sequence of writes, every row's
 * open period holds its current values, and each row's periods follow one another without gap or overlap.
 */
describe("the attribute history the database keeps", () => {
  const db = useTestDatabase();
  const importFiles = (files: Parameters<typeof runImport>[2]) => db.prisma.$transaction((tx) => runImport(tx, null, files, "apply"));

  beforeAll(async () => {
    await ensureDefaultCatalog(db.prisma);
    await importFiles(allFixtures());
  });

  /** Rows whose open period disagrees with their current values, or whose periods do not follow one another. */
  async function inconsistencies(): Promise<string[]> {
    const rows = await db.prisma.$queryRaw<{ problem: string }[]>`
      SELECT 'person ' || p.email AS problem FROM "Person" p
        LEFT JOIN "PersonPeriod" o ON o."personId" = p.id AND o."endedAt" IS NULL
        WHERE o.id IS NULL OR o."teamId" IS DISTINCT FROM p."teamId" OR o.active <> (p."deactivatedAt" IS NULL OR p."deactivatedAt" > now())
      UNION ALL
      SELECT 'team ' || t.name FROM "Team" t LEFT JOIN "TeamPeriod" o ON o."teamId" = t.id AND o."endedAt" IS NULL
        WHERE o.id IS NULL OR o.function <> t.function
      UNION ALL
      SELECT 'asset ' || a.key FROM "Asset" a LEFT JOIN "AssetPeriod" o ON o."assetId" = a.id AND o."endedAt" IS NULL
        WHERE o.id IS NULL OR (o."kindId", o.criticality, o.lifecycle) <> (a."kindId", a.criticality, a.lifecycle)
      UNION ALL
      SELECT 'concern ' || c.key FROM "Concern" c LEFT JOIN "ConcernPeriod" o ON o."concernId" = c.id AND o."endedAt" IS NULL
        WHERE o.id IS NULL OR o.home <> c.home
      UNION ALL
      SELECT 'applicability ' || c."concernId" || '/' || c."kindId" FROM "ConcernApplicability" c
        FULL JOIN (SELECT * FROM "ConcernApplicabilityPeriod" WHERE "endedAt" IS NULL) o ON (o."concernId", o."kindId") = (c."concernId", c."kindId")
        WHERE o.id IS NULL OR c."concernId" IS NULL
      UNION ALL
      SELECT 'periods of ' || entity || ' ' || id FROM (
        SELECT 'person' AS entity, "personId" AS id, "startedAt", "endedAt", lead("startedAt") OVER w AS next, count(*) FILTER (WHERE "endedAt" IS NULL) OVER (PARTITION BY "personId") AS open
          FROM "PersonPeriod" WINDOW w AS (PARTITION BY "personId" ORDER BY "startedAt", id)
        UNION ALL
        SELECT 'asset', "assetId", "startedAt", "endedAt", lead("startedAt") OVER w, count(*) FILTER (WHERE "endedAt" IS NULL) OVER (PARTITION BY "assetId")
          FROM "AssetPeriod" WINDOW w AS (PARTITION BY "assetId" ORDER BY "startedAt", id)
        UNION ALL
        SELECT 'team', "teamId", "startedAt", "endedAt", lead("startedAt") OVER w, count(*) FILTER (WHERE "endedAt" IS NULL) OVER (PARTITION BY "teamId")
          FROM "TeamPeriod" WINDOW w AS (PARTITION BY "teamId" ORDER BY "startedAt", id)
      ) chained
      WHERE "endedAt" < "startedAt" OR open <> 1 OR (next IS NULL) <> ("endedAt" IS NULL) OR next <> "endedAt"`;
    return rows.map((row) => row.problem);
  }

  const periodsOf = (email: string) =>
    db.prisma.personPeriod.findMany({ where: { person: { email } }, orderBy: [{ startedAt: "asc" }, { id: "asc" }], select: { teamId: true, active: true, endedAt: true } });

  it("opens a first period for every row an import creates, a departure included", async () => {
    expect(await inconsistencies()).toEqual([]);
    expect(await db.prisma.assetPeriod.count()).toBeGreaterThanOrEqual(await db.prisma.asset.count());
  });

  it("closes the open period and opens the next one on a change made by an import, or by hand in SQL", async () => {
    await importFiles({
      ...csvFile("people", ["email,name,team,function,role,active", "dev.ops@example.org,Dev Ops,Brand & Content,marketing,none,false"]),
      ...csvFile("assets", ["key,name,kind,criticality,lifecycle,url,vendor", "crm,\"CRM, consumer\",crm,low,active,,HubSpot"]),
    });
    await db.prisma.$executeRaw`UPDATE "Team" SET function = 'other' WHERE name = 'Web Platform'`;
    await db.prisma.$executeRaw`UPDATE "Concern" SET home = 'shared' WHERE key = 'hosting'`;
    await db.prisma.$executeRaw`DELETE FROM "ConcernApplicability" WHERE "concernId" = (SELECT id FROM "Concern" WHERE key = 'analytics-tracking') AND "kindId" = (SELECT id FROM "AssetKind" WHERE key = 'website')`;
    expect(await inconsistencies()).toEqual([]);

    const [person] = await db.prisma.person.findMany({ where: { email: "dev.ops@example.org" }, select: { teamId: true } });
    const periods = await periodsOf("dev.ops@example.org");
    expect(periods.map((p) => [p.active, p.endedAt === null])).toEqual([[true, false], [false, true]]);
    expect(periods.at(-1)!.teamId).toBe(person!.teamId);
    const crm = await db.prisma.assetPeriod.findMany({ where: { asset: { key: "crm" } }, orderBy: { startedAt: "asc" }, select: { criticality: true } });
    expect(crm.map((p) => p.criticality)).toEqual(["high", "low"]);
    const tracking = await db.prisma.concernApplicabilityPeriod.findMany({ where: { concern: { key: "analytics-tracking" }, kind: { key: "website" } }, select: { endedAt: true } });
    expect(tracking).toEqual([{ endedAt: expect.any(Date) }]);
  });

  it("survives a backup and restore as it was, without periods of the restore's own", async () => {
    const count = () => db.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT (SELECT count(*) FROM "PersonPeriod") + (SELECT count(*) FROM "AssetPeriod") + (SELECT count(*) FROM "TeamPeriod")
           + (SELECT count(*) FROM "ConcernPeriod") + (SELECT count(*) FROM "ConcernApplicabilityPeriod") AS n`;
    const before = (await count())[0]!.n;
    const file = path.join(await mkdtemp(path.join(tmpdir(), "tandem-history-")), "backup.gz");
    await backupDatabase(db.url, file);
    await restoreDatabase(db.url, file, { force: true });
    expect((await count())[0]!.n).toBe(before);
    expect(await inconsistencies()).toEqual([]);
  });
});
