import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { useTestDatabase } from "@/tools/testing/test-database";
import { loadReport } from "./load-report";
import { clearCoverageTrendCache, loadCoverageTrend } from "./trend";

describe("the coverage trend on the demo organisation", () => {
  const db = useTestDatabase();
  beforeAll(async () => {
    await seedDemoOrganisation(db.prisma);
  });
  beforeEach(() => clearCoverageTrendCache());

  it("reconstructs past weeks from history: every point is what the report shows as of that week", async () => {
    const trend = await loadCoverageTrend(db.prisma, {}, 12);
    expect(trend).toHaveLength(12);
    for (const point of trend.slice(0, -1)) {
      const report = await loadReport(db.prisma, { asOf: point.asOfDate });
      expect({ week: point.week, ...pick(point) }).toEqual({ week: point.week, overall: report.coverage.overall, ...report.coverage.byFunction });
    }
    const today = await loadReport(db.prisma, {});
    expect(pick(trend.at(-1)!)).toEqual({ overall: today.coverage.overall, ...today.coverage.byFunction });
    // The demo's history moves: the trend is not one figure repeated.
    expect(new Set(trend.map((point) => point.overall.percent)).size).toBeGreaterThan(2);
  });

  it("applies the report's filters to every point", async () => {
    const team = await db.prisma.team.findFirstOrThrow({ where: { name: "Web Platform" } });
    const filters = { team: team.id, criticality: "high" as const };
    const trend = await loadCoverageTrend(db.prisma, filters, 26);
    expect(trend).toHaveLength(26);
    const middle = trend[14]!;
    const report = await loadReport(db.prisma, { ...filters, asOf: middle.asOfDate });
    expect(middle.overall).toEqual(report.coverage.overall);
  });

  it("serves closed weeks from the cache until a write is recorded", async () => {
    const before = await loadCoverageTrend(db.prisma, {}, 12);
    const firstWeekEnd = new Date(before[0]!.at);
    const asset = await db.prisma.asset.findFirstOrThrow({ where: { lifecycle: "active", createdAt: { lt: firstWeekEnd } }, orderBy: { key: "asc" } });
    const retire = { lifecycle: "retired" as const, retiredAt: new Date(firstWeekEnd.getTime() - 1) };
    // A change that bypasses the app (no audit event) is not seen: the cached closed weeks are reused
    // (today's point is never cached).
    await db.prisma.asset.update({ where: { id: asset.id }, data: retire });
    expect((await loadCoverageTrend(db.prisma, {}, 12)).slice(0, -1).map(withoutInstant)).toEqual(before.slice(0, -1).map(withoutInstant));
    // Once a write is recorded, the trend is computed again: the retired asset's cells have left every week.
    await db.prisma.auditEvent.create({ data: { action: "test.touch", entityType: "asset", entityId: asset.key } });
    const after = await loadCoverageTrend(db.prisma, {}, 12);
    expect(after[0]!.overall.inScope).toBeLessThan(before[0]!.overall.inScope);
    expect(after[0]!.overall).toEqual((await loadReport(db.prisma, { asOf: before[0]!.asOfDate })).coverage.overall);
    await db.prisma.asset.update({ where: { id: asset.id }, data: { lifecycle: asset.lifecycle, retiredAt: asset.retiredAt } });
    await db.prisma.auditEvent.create({ data: { action: "test.touch", entityType: "asset", entityId: asset.key } });
  });

  it("keeps closed weeks through a cell edit, which only today's point shows", async () => {
    const before = await loadCoverageTrend(db.prisma, {}, 12);
    const covered = (await loadReport(db.prisma, {})).cells.find((cell) => cell.covered)!;
    const accountable = await db.prisma.assignment.findFirstOrThrow({ where: { assetId: covered.assetId, concernId: covered.concernId, role: "A", endedAt: null } });
    // Ends the accountable owner as an edit in the matrix does: dated now, with the cell's audit event.
    await db.prisma.$transaction([
      db.prisma.assignment.update({ where: { id: accountable.id }, data: { endedAt: new Date() } }),
      db.prisma.auditEvent.create({ data: { action: "assignment.ended", entityType: "cell", entityId: `${covered.assetKey}/${covered.concernKey}` } }),
    ]);
    const after = await loadCoverageTrend(db.prisma, {}, 12);
    expect(after.slice(0, -1).map(withoutInstant)).toEqual(before.slice(0, -1).map(withoutInstant));
    expect(after.at(-1)!.overall.covered).toBe(before.at(-1)!.overall.covered - 1);
    // Both agree with a reconstruction from scratch.
    clearCoverageTrendCache();
    expect((await loadCoverageTrend(db.prisma, {}, 12)).map(withoutInstant)).toEqual(after.map(withoutInstant));
    await db.prisma.$transaction([
      db.prisma.assignment.update({ where: { id: accountable.id }, data: { endedAt: null } }),
      db.prisma.auditEvent.create({ data: { action: "test.touch", entityType: "asset", entityId: covered.assetKey } }),
    ]);
  });
});

function pick(point: { overall: unknown; marketing: unknown; it: unknown; shared: unknown }) {
  return { overall: point.overall, marketing: point.marketing, it: point.it, shared: point.shared };
}

// The last point's instant is "now", which moves between two calls.
function withoutInstant<T extends { at: string }>({ at: _at, ...rest }: T) {
  return rest;
}
