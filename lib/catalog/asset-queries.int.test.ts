import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { loadOwnershipSnapshot } from "@/lib/ownership/snapshot";
import { coverageOf } from "@/lib/rules";
import { useTestDatabase } from "@/tools/testing/test-database";
import { retireAsset, updateAsset } from "./asset-actions";
import { getAssetDetail } from "./asset-detail";
import { parseAssetListParams } from "./asset-list-params";
import { getAssetFormValues, listAssets } from "./asset-queries";
import { updateAssetSchema } from "./schemas";
import { catalogTestKit } from "@/tools/testing/catalog-kit";

describe("asset reads", () => {
  const db = useTestDatabase();
  const { run, userOf } = catalogTestKit(db);
  const list = (query: Record<string, string>) => listAssets(parseAssetListParams(query), db.prisma);

  beforeAll(async () => {
    await seedDemoOrganisation(db.prisma);
  });

  it("lists every asset by name, 50 to a page, with coverage from the rules engine", async () => {
    const result = await list({});
    expect(result.total).toBe(40);
    expect(result.rows).toHaveLength(40);
    const names = result.rows.map((row) => row.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const snapshot = await loadOwnershipSnapshot(db.prisma);
    const store = result.rows.find((row) => row.key === "online-store")!;
    const storeCells = snapshot.cells.filter((cell) => cell.assetKey === "online-store");
    expect(store.coverage).toMatchObject(coverageOf(storeCells));
    expect(store.coverage.gaps).toBe(storeCells.reduce((sum, cell) => sum + cell.gaps.length, 0));
    expect(result.rows.find((row) => row.key === "holiday-2025-microsite")!.coverage).toMatchObject({ inScope: 0, percent: null });
  });

  it("searches name, key and vendor without regard to case", async () => {
    expect((await list({ q: "HUBSPOT" })).rows.map((row) => row.key).sort()).toEqual(["hubspot-crm", "hubspot-marketing-hub"]);
    expect((await list({ q: "snowflake-warehouse" })).rows.map((row) => row.key)).toEqual(["snowflake-warehouse"]);
    expect((await list({ q: "fivetran" })).rows.map((row) => row.key)).toEqual(["segment-snowflake-pipeline"]);
  });

  it("filters by kind, criticality and lifecycle together", async () => {
    expect((await list({ kind: "website" })).total).toBe(5);
    expect((await list({ kind: "website", lifecycle: "retired" })).rows.map((row) => row.key)).toEqual(["holiday-2025-microsite"]);
    const critical = await list({ criticality: "critical" });
    expect(critical.rows.every((row) => row.criticality === "critical")).toBe(true);
    expect(critical.total).toBeGreaterThan(0);
  });

  it("filters by owning team: the teams of the current A holders", async () => {
    const team = await db.prisma.team.findUniqueOrThrow({ where: { name: "Data Engineering" } });
    const result = await list({ team: String(team.id), size: "100" });
    const expected = await db.prisma.asset.findMany({
      where: { assignments: { some: { role: "A", endedAt: null, person: { teamId: team.id } } } },
      select: { key: true },
    });
    expect(result.rows.map((row) => row.key).sort()).toEqual(expected.map((row) => row.key).sort());
    expect(result.total).toBeGreaterThan(0);
    expect(result.total).toBeLessThan(40);
  });

  it("sorts by criticality, kind and coverage, and pages through the result", async () => {
    const byCriticality = await list({ sort: "criticality" });
    expect(byCriticality.rows[0]!.criticality).toBe("critical");
    expect(byCriticality.rows.at(-1)!.criticality).toBe("low");

    const byCoverage = await list({ sort: "coverage" });
    const percents = byCoverage.rows.map((row) => row.coverage.percent);
    const inScope = percents.filter((percent): percent is number => percent !== null);
    expect(inScope).toEqual([...inScope].sort((a, b) => a - b));
    expect(percents.at(-1)).toBeNull();

    const page1 = await list({ sort: "coverage", size: "10" });
    const page2 = await list({ sort: "coverage", size: "10", page: "2" });
    expect(page1.rows.map((row) => row.key)).toEqual(byCoverage.rows.slice(0, 10).map((row) => row.key));
    expect(page2.rows.map((row) => row.key)).toEqual(byCoverage.rows.slice(10, 20).map((row) => row.key));

    const byKind = await list({ sort: "kind", size: "10", page: "4" });
    expect(byKind.rows).toHaveLength(10);
    const beyond = await list({ size: "10", page: "99" });
    expect(beyond.page).toBe(4);
    expect(beyond.rows).toHaveLength(10);
  });

  it("shows an asset's cells, holders and history, newest first", async () => {
    const admin = await userOf("admin@example.org");
    const loaded = (await getAssetFormValues("hubspot-crm", db.prisma))!;
    await run((tx) => updateAsset(tx, admin, "hubspot-crm", updateAssetSchema.parse({ ...loaded, vendor: "HubSpot Inc." })));
    await db.prisma.auditEvent.create({
      data: { actorId: admin.id, action: "assignment.added", entityType: "cell", entityId: "hubspot-crm/data-quality", after: { person: "x@example.org", role: "R" } },
    });
    await db.prisma.auditEvent.create({ data: { action: "assignment.added", entityType: "cell", entityId: "hubspot-crm-old/content" } });

    const detail = (await getAssetDetail("hubspot-crm", db.prisma))!;
    expect(detail.asset).toMatchObject({ name: "HubSpot CRM", kindLabel: "CRM", vendor: "HubSpot Inc.", lifecycle: "active" });
    const crmConcerns = await db.prisma.concernApplicability.count({ where: { kind: { key: "crm" } } });
    expect(detail.cells).toHaveLength(crmConcerns);
    const dataQuality = detail.cells.find((cell) => cell.concernKey === "data-quality")!;
    expect(dataQuality.gaps.map((gap) => gap.type)).toContain("flagged");

    expect(detail.history.map((entry) => entry.action)).toEqual(["added an owner", "edited the asset"]);
    expect(detail.history[0]).toMatchObject({ subject: "Data quality & retention", actorName: "Alex Morgan" });
    // PostgreSQL's jsonb keeps its own key order, so only the parts are certain.
    expect(detail.history[0]!.change.split("; ").sort()).toEqual(["person: x@example.org", "role: R"]);
    expect(detail.history[1]!.change).toBe("vendor: HubSpot → HubSpot Inc.");
  });

  it("marks departed holders and lists ended assignments", async () => {
    const ravi = await db.prisma.person.findUniqueOrThrow({ where: { email: "ravi.patel@example.org" } });
    const held = await db.prisma.assignment.findFirstOrThrow({ where: { personId: ravi.id, endedAt: null }, include: { asset: true, concern: true } });
    const detail = (await getAssetDetail(held.asset.key, db.prisma))!;
    const cell = detail.cells.find((row) => row.concernKey === held.concern.key)!;
    expect(cell.holders[held.role]).toContainEqual(expect.objectContaining({ name: "Ravi Patel", left: true }));

    const ended = await db.prisma.assignment.findFirstOrThrow({ where: { endedAt: { not: null } }, include: { asset: true } });
    const withEnded = (await getAssetDetail(ended.asset.key, db.prisma))!;
    expect(withEnded.endedAssignments.some((row) => row.id === ended.id)).toBe(true);
  });

  it("shows a retired asset's cells as out of scope, with their holders kept", async () => {
    const admin = await userOf("admin@example.org");
    await run((tx) => retireAsset(tx, admin, "tableau"));
    const detail = (await getAssetDetail("tableau", db.prisma, new Date(Date.now() + 1000)))!;
    expect(detail.asset.retiredAt).not.toBeNull();
    expect(detail.coverage).toMatchObject({ inScope: 0, percent: null });
    expect(detail.cells.every((cell) => !cell.inScope && cell.gaps.length === 0)).toBe(true);
    expect(detail.cells.some((cell) => cell.holders.A.length > 0)).toBe(true);
    expect(detail.history[0]!.action).toBe("retired the asset");
  });

  it("returns null for an unknown key", async () => {
    expect(await getAssetDetail("no-such-asset", db.prisma)).toBeNull();
  });
});
