import { beforeAll, describe, expect, it } from "vitest";
import type { PolicyUser } from "@/lib/auth/policy";
import { clearDataVersionCache } from "@/lib/cache/kept-figures";
import { updateAsset } from "@/lib/catalog/asset-actions";
import { updateConcern } from "@/lib/catalog/concern-actions";
import { updateAssetSchema, updateConcernSchema } from "@/lib/catalog/schemas";
import type { Prisma } from "@/lib/db/generated/client";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { deactivatePerson, reactivatePerson, updatePerson } from "@/lib/people/actions";
import { updateTeam } from "@/lib/people/team-actions";
import { useTestDatabase } from "@/tools/testing/test-database";
import { loadReport } from "./load-report";
import { loadedReportToCsv, reportToJson } from "./report-output";
import { clearCoverageTrendCache, loadCoverageTrend } from "./trend";

type Tx = Prisma.TransactionClient;

/**
 * A figure for a past date never changes because of something done later (issue 13, DESIGN.md "As of"):
 * the report as of last week, as JSON and CSV, and the trend's closed weeks, byte for byte, after each
 * change of an attribute the figures depend on.
 */
describe("figures of the past after today's changes", () => {
  const db = useTestDatabase();
  const admin: PolicyUser = { id: 0, role: "admin", teamId: null, teamFunction: null };
  const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  const run = <T>(write: (tx: Tx) => Promise<T>) => db.prisma.$transaction(write);

  async function pastFigures(): Promise<string[]> {
    clearDataVersionCache();
    clearCoverageTrendCache();
    const report = await loadReport(db.prisma, { asOf: lastWeek });
    // Filtered to the team someone leaves below: its members then, not now.
    const teamReport = await loadReport(db.prisma, { asOf: lastWeek, team: holder.teamId! });
    const trend = await loadCoverageTrend(db.prisma, {}, 12);
    return [reportToJson(report), loadedReportToCsv(report), reportToJson(teamReport), JSON.stringify(trend.slice(0, -1))];
  }

  let holder: { id: number; teamId: number | null };
  beforeAll(async () => {
    await seedDemoOrganisation(db.prisma);
    admin.id = (await db.prisma.person.findUniqueOrThrow({ where: { email: "admin@example.org" } })).id;
    holder = await db.prisma.person.findFirstOrThrow({
      where: { deactivatedAt: null, role: "none", teamId: { not: null }, assignments: { some: { endedAt: null, role: "A" } } },
    });
  });

  it("keeps them byte-identical through a criticality, a kind, a team, a function, a home, an applicability, a departure and a return", async () => {
    const before = await pastFigures();
    const asset = await db.prisma.asset.findFirstOrThrow({ where: { lifecycle: "active", criticality: "critical" }, include: { kind: true } });
    const otherKind = await db.prisma.assetKind.findFirstOrThrow({ where: { id: { not: asset.kindId } } });
    const otherTeam = await db.prisma.team.findFirstOrThrow({ where: { id: { not: holder.teamId! } } });
    const itTeam = await db.prisma.team.findFirstOrThrow({ where: { function: "it" } });
    const shared = await db.prisma.concern.findFirstOrThrow({ where: { home: "shared" }, include: { appliesTo: { include: { kind: true } } } });

    const changes: [string, () => Promise<unknown>][] = [
      ["criticality", async () => {
        const current = await db.prisma.asset.findUniqueOrThrow({ where: { id: asset.id } });
        await run((tx) => updateAsset(tx, admin, asset.key, updateAssetSchema.parse({ name: current.name, kindKey: asset.kind.key, criticality: "low", lifecycle: "active", updatedAt: current.updatedAt.toISOString() })));
      }],
      ["kind", async () => {
        const current = await db.prisma.asset.findUniqueOrThrow({ where: { id: asset.id } });
        await run((tx) => updateAsset(tx, admin, asset.key, updateAssetSchema.parse({ name: current.name, kindKey: otherKind.key, criticality: "low", lifecycle: "active", updatedAt: current.updatedAt.toISOString() })));
      }],
      ["team", async () => {
        const current = await db.prisma.person.findUniqueOrThrow({ where: { id: holder.id } });
        await run((tx) => updatePerson(tx, admin, holder.id, { name: current.name, teamId: otherTeam.id, role: current.role, updatedAt: current.updatedAt.toISOString() }));
      }],
      ["function", async () => {
        const current = await db.prisma.team.findUniqueOrThrow({ where: { id: itTeam.id } });
        await run((tx) => updateTeam(tx, admin, itTeam.id, { name: current.name, function: "marketing", updatedAt: current.updatedAt.toISOString() }));
      }],
      ["home", () => run((tx) => updateConcern(tx, admin, shared.key, updateConcernSchema.parse({ home: "it" })))],
      ["applicability", () => run((tx) => updateConcern(tx, admin, shared.key, updateConcernSchema.parse({ appliesToEveryKind: false, kindKeys: shared.appliesTo.slice(1).map((a) => a.kind.key) })))],
      ["departure", () => run((tx) => deactivatePerson(tx, admin, holder.id))],
      ["return", () => run((tx) => reactivatePerson(tx, admin, holder.id))],
    ];
    for (const [name, change] of changes) {
      await change();
      const after = await pastFigures();
      after.forEach((figures, i) => expect(figures, `${name}: figure ${i}`).toBe(before[i]));
    }
    // The changes did take effect today: the figures of today differ.
    const today = reportToJson(await loadReport(db.prisma, {}));
    expect(today).not.toBe(reportToJson(await loadReport(db.prisma, { asOf: lastWeek })));
  });
});
