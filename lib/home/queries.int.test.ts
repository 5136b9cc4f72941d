import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { loadReport } from "@/lib/report/load-report";
import { useTestDatabase } from "@/tools/testing/test-database";
import { getHomeFigures } from "./queries";
import { listTopGaps, listTopHotspots } from "./top-cells";

const app = vi.hoisted(() => ({ prisma: null as Db | null }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getPrisma: () => app.prisma,
}));

/** Home computes only what it shows, from the same rules: every figure must be the gap report's. */
describe("Home's figures", () => {
  const db = useTestDatabase();
  beforeAll(async () => {
    await seedDemoOrganisation(db.prisma);
    app.prisma = db.prisma;
  });

  it("are the report's coverage, gap counts, top five gaps and top five hotspots", async () => {
    const home = await getHomeFigures();
    const report = await loadReport(db.prisma, {});
    expect(home.coverage).toEqual(report.coverage.overall);
    expect(home.coverageByHome).toEqual(report.coverage.byFunction);
    expect(home.cellsWithGaps).toBe(new Set(report.gaps.map((gap) => `${gap.assetKey}/${gap.concernKey}`)).size);
    expect(home.topGaps).toEqual(listTopGaps(report));
    expect(home.topHotspots).toEqual(listTopHotspots(report));
    expect(home.topGaps).toHaveLength(5);
    expect(home.topHotspots.length).toBeGreaterThan(0);
  });
});
