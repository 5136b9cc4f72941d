import { beforeAll, describe, expect, it } from "vitest";
import type { PolicyUser } from "@/lib/auth/policy";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { loadOwnershipSnapshot } from "@/lib/ownership/snapshot";
import { summarizeCoverage } from "@/lib/rules";
import { useTestDatabase } from "@/tools/testing/test-database";
import { createAssetKind, createConcern, updateConcern } from "./concern-actions";
import { getCatalog } from "./concern-queries";
import { createAssetKindSchema, createConcernSchema, updateConcernSchema } from "./schemas";
import { catalogTestKit } from "@/tools/testing/catalog-kit";

describe("concern and asset-kind writes", () => {
  const db = useTestDatabase();
  const { run, refusal, userOf, catalogState } = catalogTestKit(db);
  let admin: PolicyUser;
  const auditOf = (entityType: string, key: string) => db.prisma.auditEvent.findMany({ where: { entityType, entityId: key }, orderBy: { id: "asc" } });
  const snapshotNow = () => loadOwnershipSnapshot(db.prisma, new Date(Date.now() + 1000));
  const cellsOf = async (concernKey: string) => (await snapshotNow()).cells.filter((cell) => cell.concernKey === concernKey);

  beforeAll(async () => {
    await seedDemoOrganisation(db.prisma);
    admin = await userOf("admin@example.org");
  });

  it("creates a concern with its kinds, at the end of the catalog, and audits it", async () => {
    const input = createConcernSchema.parse({ key: "accessibility", name: "Accessibility", home: "shared", description: "WCAG", kindKeys: ["website", "mobile-app"] });
    const created = await run((tx) => createConcern(tx, admin, input));
    expect(created).toMatchObject({ key: "accessibility", home: "shared", kindKeys: ["mobile-app", "website"] });
    const concerns = await db.prisma.concern.findMany({ orderBy: { sortOrder: "asc" } });
    expect(concerns.at(-1)!.key).toBe("accessibility");

    const websites = await db.prisma.asset.count({ where: { kind: { key: { in: ["website", "mobile-app"] } }, lifecycle: { not: "retired" } } });
    expect((await cellsOf("accessibility")).filter((cell) => cell.inScope)).toHaveLength(websites);

    const [event] = await auditOf("concern", "accessibility");
    expect(event).toMatchObject({ action: "concern.created", actorId: admin.id });
    expect(event!.after).toEqual({ key: "accessibility", name: "Accessibility", home: "shared", description: "WCAG", appliesToEveryKind: false, kindKeys: ["mobile-app", "website"] });
  });

  it("refuses a taken concern key, and unknown kinds, writing nothing", async () => {
    const before = await catalogState();
    const taken = await refusal((tx) => createConcern(tx, admin, createConcernSchema.parse({ key: "content", name: "Again", home: "marketing" })));
    expect(taken.code).toBe("conflict");
    expect(taken.details.fieldErrors).toEqual({ key: ["That key is taken."] });
    const unknown = await refusal((tx) => createConcern(tx, admin, createConcernSchema.parse({ key: "new-one", name: "N", home: "it", kindKeys: ["website", "spaceship"] })));
    expect(unknown.code).toBe("invalid");
    expect(unknown.details.fieldErrors?.kindKeys?.[0]).toContain("spaceship");
    expect(await catalogState()).toEqual(before);
  });

  it("moves cells in and out of scope when applicability changes, keeping assignments as history", async () => {
    const crmCells = (await cellsOf("backup-recovery")).filter((cell) => cell.assetKindKey === "crm");
    expect(crmCells.length).toBeGreaterThan(0);
    const crmAssignmentIds = (
      await db.prisma.assignment.findMany({ where: { concern: { key: "backup-recovery" }, asset: { kind: { key: "crm" } } }, select: { id: true } })
    ).map((row) => row.id);
    expect(crmAssignmentIds.length).toBeGreaterThan(0);
    const before = await snapshotNow();
    const inScopeBefore = summarizeCoverage(before.cells, before.people).overall.inScope;

    // Backup & recovery stops applying to CRMs.
    const loaded = (await getCatalog(db.prisma)).concerns.find((concern) => concern.key === "backup-recovery")!;
    const withoutCrm = loaded.kindKeys.filter((key) => key !== "crm");
    const updated = await run((tx) => updateConcern(tx, admin, "backup-recovery", updateConcernSchema.parse({ kindKeys: withoutCrm, updatedAt: loaded.updatedAt })));
    expect(updated.kindKeys).toEqual(withoutCrm);

    const after = await snapshotNow();
    expect(after.cells.filter((cell) => cell.concernKey === "backup-recovery" && cell.assetKindKey === "crm")).toEqual([]);
    const crmInScope = crmCells.filter((cell) => cell.inScope).length;
    expect(summarizeCoverage(after.cells, after.people).overall.inScope).toBe(inScopeBefore - crmInScope);
    const kept = await db.prisma.assignment.findMany({ where: { id: { in: crmAssignmentIds } }, select: { id: true } });
    expect(kept).toHaveLength(crmAssignmentIds.length);

    const [event] = await auditOf("concern", "backup-recovery");
    expect(event).toMatchObject({ action: "concern.updated", actorId: admin.id, before: { kindKeys: loaded.kindKeys }, after: { kindKeys: withoutCrm } });

    // Ticking it again brings the cells back with their owners.
    await run((tx) => updateConcern(tx, admin, "backup-recovery", updateConcernSchema.parse({ kindKeys: loaded.kindKeys })));
    const restored = await snapshotNow();
    expect(summarizeCoverage(restored.cells, restored.people).overall).toEqual(summarizeCoverage(before.cells, before.people).overall);
  });

  it("edits a concern's fields, and refuses a stale version with the current values", async () => {
    const loaded = (await getCatalog(db.prisma)).concerns.find((concern) => concern.key === "ux-design")!;
    const updated = await run((tx) =>
      updateConcern(tx, admin, "ux-design", updateConcernSchema.parse({ name: "UX, design & accessibility", description: "", updatedAt: loaded.updatedAt })),
    );
    expect(updated).toMatchObject({ name: "UX, design & accessibility", description: null, home: "marketing", kindKeys: loaded.kindKeys });
    const [event] = await auditOf("concern", "ux-design");
    expect(event!.before).toEqual({ name: "UX & design", description: loaded.description });
    expect(event!.after).toEqual({ name: "UX, design & accessibility", description: null });

    const before = await catalogState();
    const stale = await refusal((tx) => updateConcern(tx, admin, "ux-design", updateConcernSchema.parse({ home: "it", updatedAt: loaded.updatedAt })));
    expect(stale.code).toBe("conflict");
    expect(stale.details.current).toMatchObject({ key: "ux-design", name: "UX, design & accessibility" });
    expect(await catalogState()).toEqual(before);
  });

  it("writes nothing, and records nothing, when nothing changes", async () => {
    const loaded = (await getCatalog(db.prisma)).concerns.find((concern) => concern.key === "content")!;
    const before = await catalogState();
    await run((tx) => updateConcern(tx, admin, "content", updateConcernSchema.parse({ name: loaded.name, kindKeys: loaded.kindKeys })));
    expect(await catalogState()).toEqual(before);
  });

  it("adds an asset kind, refuses a taken key, and audits", async () => {
    const kind = await run((tx) => createAssetKind(tx, admin, createAssetKindSchema.parse({ key: "podcast", label: "Podcast" })));
    // DESIGN.md gives privacy-compliance and security-access to every kind, those added later too.
    expect(kind).toEqual({ key: "podcast", label: "Podcast", concernKeys: ["privacy-compliance", "security-access"] });
    const applying = await db.prisma.concernApplicability.findMany({ where: { kind: { key: "podcast" } }, select: { concern: { select: { key: true } } } });
    expect(applying.map((row) => row.concern.key).sort()).toEqual(["privacy-compliance", "security-access"]);
    const kinds = await db.prisma.assetKind.findMany({ orderBy: { sortOrder: "asc" } });
    expect(kinds.at(-1)!.key).toBe("podcast");
    const [event] = await auditOf("asset-kind", "podcast");
    expect(event).toMatchObject({ action: "asset-kind.created", actorId: admin.id, after: { key: "podcast", label: "Podcast", concernKeys: ["privacy-compliance", "security-access"] } });

    const taken = await refusal((tx) => createAssetKind(tx, admin, createAssetKindSchema.parse({ key: "website", label: "Web" })));
    expect(taken.code).toBe("conflict");
  });

  it("makes a concern apply to every kind, kinds added later included; turned off, it keeps its kinds", async () => {
    const allKinds = (await db.prisma.assetKind.findMany({ select: { key: true } })).map((kind) => kind.key).sort();
    const everyKind = await run((tx) => updateConcern(tx, admin, "content", updateConcernSchema.parse({ appliesToEveryKind: true, kindKeys: ["website"] })));
    expect(everyKind).toMatchObject({ appliesToEveryKind: true, kindKeys: allKinds });
    await run((tx) => createAssetKind(tx, admin, createAssetKindSchema.parse({ key: "kiosk", label: "In-store kiosk" })));
    expect((await getCatalog(db.prisma)).concerns.find((concern) => concern.key === "content")!.kindKeys).toContain("kiosk");

    const off = await run((tx) => updateConcern(tx, admin, "content", updateConcernSchema.parse({ appliesToEveryKind: false })));
    expect(off).toMatchObject({ appliesToEveryKind: false, kindKeys: [...allKinds, "kiosk"].sort() });
    expect((await auditOf("concern", "content")).at(-1)!.after).toEqual({ appliesToEveryKind: false });
    const later = await run((tx) => createAssetKind(tx, admin, createAssetKindSchema.parse({ key: "billboard", label: "Billboard" })));
    expect(later.concernKeys).not.toContain("content");
  });

  it("counts each concern's cells in scope on the catalog page", async () => {
    const catalog = await getCatalog(db.prisma);
    const snapshot = await loadOwnershipSnapshot(db.prisma);
    for (const concern of catalog.concerns) {
      expect(concern.coverage.inScope).toBe(snapshot.cells.filter((cell) => cell.concernKey === concern.key && cell.inScope).length);
    }
    expect(catalog.kinds.find((kind) => kind.key === "website")!.assetsInScope).toBe(4);
  });

  describe("the audit trail", () => {
    it("records each write, by the admin who made it", async () => {
      await run((tx) => createConcern(tx, admin, createConcernSchema.parse({ key: "admin-concern", name: "Admin concern", home: "it" })));
      await run((tx) => updateConcern(tx, admin, "admin-concern", updateConcernSchema.parse({ kindKeys: ["crm"] })));
      await run((tx) => createAssetKind(tx, admin, createAssetKindSchema.parse({ key: "admin-kind", label: "Admin kind" })));
      expect((await auditOf("concern", "admin-concern")).map((event) => event.action)).toEqual(["concern.created", "concern.updated"]);
      expect(await auditOf("asset-kind", "admin-kind")).toHaveLength(1);
    });
  });
});
