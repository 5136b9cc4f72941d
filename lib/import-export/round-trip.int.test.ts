import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/lib/commands/prepare-database";
import type { Db } from "@/lib/db/client";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { useTestDatabase } from "@/tools/testing/test-database";
import { exportCsv } from "./export";
import { IMPORT_FILES, type ImportFiles } from "./formats";
import { runImport } from "./run-import";
import { countRows } from "@/tools/testing/import-files";

async function exportAll(prisma: Db): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const file of IMPORT_FILES) files[file] = await exportCsv(prisma, file);
  return files;
}

const asImportFiles = (exported: Record<string, string>): ImportFiles =>
  Object.fromEntries(IMPORT_FILES.map((file) => [file, { name: `${file}.csv`, bytes: new TextEncoder().encode(exported[file]) }]));

describe("export, then import into an empty database", () => {
  const demo = useTestDatabase();
  const empty = useTestDatabase();
  let exported: Record<string, string>;

  beforeAll(async () => {
    await seedDemoOrganisation(demo.prisma);
    await prepareDatabase(empty.url, { seedDemo: false });
    exported = await exportAll(demo.prisma);
  });

  it("exports every person, every asset and the current assignments, in a stable order", async () => {
    const lines = (file: string) => exported[file]!.replace(/^\uFEFF/, "").trimEnd().split("\n");
    expect(lines("people")[0]).toBe("email,name,team,function,role,active");
    expect(lines("people")).toHaveLength(1 + (await demo.prisma.person.count()));
    expect(lines("people")).toContain("viewer@example.org,Vera Lindqvist,,,viewer,true");
    expect(lines("people").filter((line) => line.endsWith(",false"))).toHaveLength(1);
    expect(lines("assets")).toHaveLength(1 + 40);
    expect(lines("assets")).toContain("holiday-2025-microsite,Holiday 2025 microsite,website,low,retired,,Webflow");
    expect(lines("assignments")).toHaveLength(1 + (await demo.prisma.assignment.count({ where: { endedAt: null } })));
    const keys = lines("assets").slice(1).map((line) => line.split(",")[0]!);
    expect(keys).toEqual([...keys].sort());
    expect(await exportAll(demo.prisma)).toEqual(exported);
  });

  it("reproduces the catalog and the current ownership byte for byte", async () => {
    const outcome = await empty.prisma.$transaction((tx) => runImport(tx, null, asImportFiles(exported), "apply"), { timeout: 60_000 });
    expect(outcome.plan.errorCount).toBe(0);
    expect(await exportAll(empty.prisma)).toEqual(exported);

    const [teamsA, teamsB] = await Promise.all(
      [demo, empty].map((db) => db.prisma.team.findMany({ select: { name: true, function: true }, orderBy: { name: "asc" } })),
    );
    expect(teamsB).toEqual(teamsA);
    const confirmedAtOf = (db: { prisma: Db }) =>
      db.prisma.assignment.findMany({
        where: { endedAt: null, confirmedAt: { not: null } },
        select: { confirmedAt: true },
        orderBy: { confirmedAt: "asc" },
      });
    expect(await confirmedAtOf(empty)).toEqual(await confirmedAtOf(demo));
  });

  it("changes nothing when the export is imported back into the database it came from", async () => {
    const before = await countRows(demo.prisma);
    const outcome = await demo.prisma.$transaction((tx) => runImport(tx, null, asImportFiles(exported), "apply"), { timeout: 60_000 });
    expect(outcome.plan.changeCount).toBe(0);
    expect(outcome.plan.files.map((file) => file.unchanged)).toEqual(outcome.plan.files.map((file) => file.rows));
    expect(await countRows(demo.prisma)).toEqual(before);
  });
});
