import { beforeAll, describe, expect, it } from "vitest";
import type { PolicyUser } from "@/lib/auth/policy";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { loadOwnershipSnapshot } from "@/lib/ownership/snapshot";
import { useTestDatabase } from "@/tools/testing/test-database";
import { createAsset, retireAsset, updateAsset } from "./asset-actions";
import { getAssetFormValues } from "./asset-queries";
import { createAssetSchema, updateAssetSchema } from "./schemas";
import { catalogTestKit } from "@/tools/testing/catalog-kit";

describe("asset writes", () => {
  const db = useTestDatabase();
  const { run, refusal, userOf, catalogState } = catalogTestKit(db);
  let admin: PolicyUser;
  const auditOf = (key: string) => db.prisma.auditEvent.findMany({ where: { entityType: "asset", entityId: key }, orderBy: { id: "asc" } });
  const newAsset = (key: string) =>
    createAssetSchema.parse({ key, name: `Asset ${key}`, kindKey: "crm", criticality: "high", lifecycle: "active", url: "https://crm.example", vendor: "Acme" });

  beforeAll(async () => {
    await seedDemoOrganisation(db.prisma);
    admin = await userOf("admin@example.org");
  });

  it("creates an asset whose cells appear in the snapshot, and records who did it", async () => {
    expect(await run((tx) => createAsset(tx, admin, newAsset("acme-crm")))).toEqual({ key: "acme-crm" });
    const asset = await db.prisma.asset.findUniqueOrThrow({ where: { key: "acme-crm" }, include: { kind: true } });
    expect(asset).toMatchObject({ name: "Asset acme-crm", criticality: "high", lifecycle: "active", url: "https://crm.example", vendor: "Acme", description: null });
    expect(asset.kind.key).toBe("crm");

    const snapshot = await loadOwnershipSnapshot(db.prisma, new Date(Date.now() + 1000));
    const cells = snapshot.cells.filter((cell) => cell.assetKey === "acme-crm");
    const crmConcerns = await db.prisma.concernApplicability.count({ where: { kind: { key: "crm" } } });
    expect(cells).toHaveLength(crmConcerns);
    expect(cells.every((cell) => cell.inScope && !cell.covered)).toBe(true);

    const [event] = await auditOf("acme-crm");
    expect(event).toMatchObject({ action: "asset.created", actorId: admin.id, before: null });
    expect(event!.after).toMatchObject({ key: "acme-crm", kind: "crm", criticality: "high", url: "https://crm.example" });
  });

  it("refuses a taken key with a field error and writes nothing", async () => {
    const before = await catalogState();
    const error = await refusal((tx) => createAsset(tx, admin, newAsset("corporate-website")));
    expect(error.code).toBe("conflict");
    expect(error.details.fieldErrors).toEqual({ key: ["That key is taken."] });
    expect(await catalogState()).toEqual(before);
  });

  it("refuses an unknown kind with a field error", async () => {
    const error = await refusal((tx) => createAsset(tx, admin, { ...newAsset("spaceship"), kindKey: "spaceship" }));
    expect(error.code).toBe("invalid");
    expect(error.details.fieldErrors?.kindKey).toBeDefined();
    expect(await db.prisma.asset.findUnique({ where: { key: "spaceship" } })).toBeNull();
  });

  it("edits an asset from the version it loaded, auditing only what changed; the key stays", async () => {
    await run((tx) => createAsset(tx, admin, newAsset("edit-me")));
    const loaded = (await getAssetFormValues("edit-me", db.prisma))!;
    const input = updateAssetSchema.parse({ ...loaded, key: "renamed", name: "Edited", criticality: "critical", vendor: "", kindKey: "cms" });
    const result = await run((tx) => updateAsset(tx, admin, "edit-me", input));
    expect(result.key).toBe("edit-me");
    expect(result.updatedAt).not.toBe(loaded.updatedAt);

    const asset = await db.prisma.asset.findUniqueOrThrow({ where: { key: "edit-me" }, include: { kind: true } });
    expect(asset).toMatchObject({ name: "Edited", criticality: "critical", vendor: null });
    expect(asset.kind.key).toBe("cms");
    expect(await db.prisma.asset.findUnique({ where: { key: "renamed" } })).toBeNull();

    const events = await auditOf("edit-me");
    expect(events.map((event) => event.action)).toEqual(["asset.created", "asset.updated"]);
    expect(events[1]!.before).toEqual({ name: "Asset edit-me", kind: "crm", criticality: "high", vendor: "Acme" });
    expect(events[1]!.after).toEqual({ name: "Edited", kind: "cms", criticality: "critical", vendor: null });
  });

  it("refuses an edit from a stale version with the current values, and writes nothing", async () => {
    await run((tx) => createAsset(tx, admin, newAsset("contested")));
    const stale = (await getAssetFormValues("contested", db.prisma))!;
    await run((tx) => updateAsset(tx, admin, "contested", updateAssetSchema.parse({ ...stale, name: "First save wins" })));

    const before = await catalogState();
    const error = await refusal((tx) => updateAsset(tx, admin, "contested", updateAssetSchema.parse({ ...stale, name: "Second save" })));
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(/changed this asset after you opened it/);
    expect(error.details.current).toMatchObject({ key: "contested", name: "First save wins" });
    expect(await catalogState()).toEqual(before);
  });

  it("keeps a retired asset retired when edited", async () => {
    await run((tx) => createAsset(tx, admin, newAsset("old-crm")));
    await run((tx) => retireAsset(tx, admin, "old-crm"));
    const loaded = (await getAssetFormValues("old-crm", db.prisma))!;
    const error = await refusal((tx) => updateAsset(tx, admin, "old-crm", updateAssetSchema.parse({ ...loaded, lifecycle: "active" })));
    expect(error.details.fieldErrors?.lifecycle).toEqual(["A retired asset stays retired."]);
    const { lifecycle: _lifecycle, ...rest } = loaded;
    await run((tx) => updateAsset(tx, admin, "old-crm", updateAssetSchema.parse({ ...rest, name: "Old CRM" })));
    expect(await db.prisma.asset.findUniqueOrThrow({ where: { key: "old-crm" } })).toMatchObject({ name: "Old CRM", lifecycle: "retired" });
  });

  it("retires an asset: its cells leave scope, every assignment and all history stay", async () => {
    const asset = await db.prisma.asset.findUniqueOrThrow({ where: { key: "corporate-website" } });
    const assignments = await db.prisma.assignment.findMany({ where: { assetId: asset.id }, orderBy: { id: "asc" } });
    expect(assignments.length).toBeGreaterThan(0);
    const now = new Date();

    const result = await run((tx) => retireAsset(tx, admin, "corporate-website", now));
    expect(result).toEqual({ key: "corporate-website", retiredAt: now.toISOString() });
    expect(await db.prisma.asset.findUniqueOrThrow({ where: { id: asset.id } })).toMatchObject({ lifecycle: "retired", retiredAt: now });
    expect(await db.prisma.assignment.findMany({ where: { assetId: asset.id }, orderBy: { id: "asc" } })).toEqual(assignments);

    const snapshot = await loadOwnershipSnapshot(db.prisma, new Date(now.getTime() + 1000));
    const cells = snapshot.cells.filter((cell) => cell.assetId === asset.id);
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((cell) => !cell.inScope && cell.gaps.length === 0)).toBe(true);
    // The past is unchanged: the day before, the asset was in scope.
    const yesterday = await loadOwnershipSnapshot(db.prisma, new Date(now.getTime() - 86_400_000));
    expect(yesterday.cells.filter((cell) => cell.assetId === asset.id).every((cell) => cell.inScope)).toBe(true);

    const events = await auditOf("corporate-website");
    expect(events.at(-1)).toMatchObject({ action: "asset.retired", actorId: admin.id, before: { lifecycle: "active", retiredAt: null } });
    expect(events.at(-1)!.after).toEqual({ lifecycle: "retired", retiredAt: now.toISOString() });

    const again = await refusal((tx) => retireAsset(tx, admin, "corporate-website"));
    expect(again.code).toBe("conflict");
  });

  it("answers not-found for an unknown key", async () => {
    expect((await refusal((tx) => retireAsset(tx, admin, "no-such-asset"))).code).toBe("not-found");
  });

  describe("the audit trail", () => {
    it("records each write, by the admin who made it", async () => {
      await run((tx) => createAsset(tx, admin, newAsset("admin-asset")));
      const loaded = (await getAssetFormValues("admin-asset", db.prisma))!;
      await run((tx) => updateAsset(tx, admin, "admin-asset", updateAssetSchema.parse({ ...loaded, name: "Admin asset" })));
      await run((tx) => retireAsset(tx, admin, "admin-asset"));
      expect((await auditOf("admin-asset")).map((event) => event.action)).toEqual(["asset.created", "asset.updated", "asset.retired"]);
    });
  });
});
