import { spawnSync } from "node:child_process";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { useTestDatabase } from "@/tools/testing/test-database";
import { loadReport } from "./load-report";
import { loadedReportToCsv } from "./report-output";
import { TSX_NODE_ARGS } from "@/lib/commands/next-process";

describe("the gap report on the demo organisation", () => {
  const db = useTestDatabase();
  beforeAll(async () => {
    await seedDemoOrganisation(db.prisma);
  });

  it("has coverage along every axis, ranked gaps of every type and hotspots", async () => {
    const report = await loadReport(db.prisma, {});
    expect(report.coverage.overall.inScope).toBeGreaterThan(200);
    expect(report.coverage.byTeam).toHaveLength(6);
    expect(new Set(report.gaps.map((gap) => gap.type)).size).toBe(7);
    const scores = report.gaps.map((gap) => gap.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(report.hotspots.length).toBeGreaterThan(0);
    expect(report.personLoad.some((load) => load.overloaded)).toBe(true);
  });

  it("filters by gap type and as of a past date", async () => {
    const flagged = await loadReport(db.prisma, { gap: "flagged" });
    expect(flagged.gaps.length).toBeGreaterThan(0);
    expect(flagged.gaps.every((gap) => gap.type === "flagged")).toBe(true);
    const past = await loadReport(db.prisma, { asOf: new Date(Date.now() - 70 * 86_400_000).toISOString().slice(0, 10) });
    expect(past.gaps.some((gap) => gap.type === "inactive-owner")).toBe(false);
  });

  it("prints the same gaps as JSON and CSV from the command line as the builder returns", async () => {
    const report = await loadReport(db.prisma, {});
    const run = (format: string) =>
      spawnSync(process.execPath, [...TSX_NODE_ARGS, "scripts/report.ts", "--format", format], {
        env: { ...process.env, DATABASE_URL: db.url },
        encoding: "utf8",
        timeout: 60_000,
      });
    const json = run("json");
    expect(json.status, json.stderr).toBe(0);
    const printed = JSON.parse(json.stdout);
    expect(printed.gaps).toEqual(report.gaps);
    expect(printed.coverage.overall).toEqual(report.coverage.overall);
    const csv = run("csv");
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout).toBe(loadedReportToCsv(report));
    const rows = parse(csv.stdout, { columns: true }) as { asset_key: string; gap_type: string }[];
    expect(rows.map((row) => `${row.asset_key}/${row.gap_type}`)).toEqual(report.gaps.map((gap) => `${gap.assetKey}/${gap.type}`));
  });

  it("counts an assignment that started and ended within the hotspot window as one ownership change", async () => {
    const [hotspot] = (await loadReport(db.prisma, {})).hotspots;
    const holder = await db.prisma.person.findFirstOrThrow({ where: { deactivatedAt: null, role: "none" } });
    const asset = await db.prisma.asset.findUniqueOrThrow({ where: { key: hotspot!.assetKey } });
    const concern = await db.prisma.concern.findUniqueOrThrow({ where: { key: hotspot!.concernKey } });
    const day = 86_400_000;
    await db.prisma.assignment.create({
      data: {
        assetId: asset.id,
        concernId: concern.id,
        personId: holder.id,
        role: "I",
        source: "app",
        startedAt: new Date(Date.now() - 10 * day),
        endedAt: new Date(Date.now() - 5 * day),
      },
    });
    const after = (await loadReport(db.prisma, {})).hotspots.find((h) => h.assetKey === hotspot!.assetKey && h.concernKey === hotspot!.concernKey);
    expect(after?.ownershipChanges).toBe(hotspot!.ownershipChanges + 1);
  });

  it("refuses an invalid flag with a message", () => {
    const result = spawnSync(process.execPath, [...TSX_NODE_ARGS, "scripts/report.ts", "--as-of", "yesterday"], {
      env: { ...process.env, DATABASE_URL: db.url },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--as-of "yesterday" is not valid');
  });
});
