import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { GAP_TYPES, summarizeCoverage } from "@/lib/rules";
import { useTestDatabase } from "@/tools/testing/test-database";
import { loadOwnershipSnapshot } from "./snapshot";

const NOW = new Date("2026-11-25T10:00:00Z");

describe("loadOwnershipSnapshot on the demo organisation", () => {
  const db = useTestDatabase();
  beforeAll(async () => {
    await seedDemoOrganisation(db.prisma, NOW);
  });

  it("evaluates every cell of every asset, with all gap types present today", async () => {
    const snapshot = await loadOwnershipSnapshot(db.prisma, NOW);
    const expectedCells = await db.prisma.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM "Asset" a JOIN "ConcernApplicability" ca ON ca."kindId" = a."kindId"`;
    expect(snapshot.cells).toHaveLength(Number(expectedCells[0]!.count));
    const gapTypes = new Set(snapshot.cells.flatMap((cell) => cell.gaps.map((gap) => gap.type)));
    expect([...gapTypes].sort()).toEqual([...GAP_TYPES].sort());
  });

  it("reconstructs the past: the departed owner was active before leaving, and coverage was lower", async () => {
    const now = await loadOwnershipSnapshot(db.prisma, NOW);
    const elevenWeeksAgo = await loadOwnershipSnapshot(db.prisma, new Date(NOW.getTime() - 11 * 7 * 86_400_000));
    const ravi = await db.prisma.person.findUniqueOrThrow({ where: { email: "ravi.patel@example.org" } });
    expect(now.people.get(ravi.id)?.active).toBe(false);
    expect(elevenWeeksAgo.people.get(ravi.id)?.active).toBe(true);
    const inactiveThen = elevenWeeksAgo.cells.filter((cell) => cell.gaps.some((gap) => gap.type === "inactive-owner"));
    expect(inactiveThen).toEqual([]);
    expect(summarizeCoverage(elevenWeeksAgo.cells, elevenWeeksAgo.people).overall.percent!).toBeLessThan(
      summarizeCoverage(now.cells, now.people).overall.percent!,
    );
  });

  it("counts a cell flagged in the latest submitted review as flagged", async () => {
    const snapshot = await loadOwnershipSnapshot(db.prisma, NOW);
    const flagged = snapshot.cells.filter((cell) => cell.gaps.some((gap) => gap.type === "flagged"));
    expect(flagged.map((cell) => `${cell.assetKey}/${cell.concernKey}`)).toEqual(
      expect.arrayContaining(["hubspot-crm/data-quality", "tiktok-account/content"]),
    );
  });
});
