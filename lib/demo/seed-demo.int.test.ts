import { describe, expect, it } from "vitest";
import { DEFAULT_ASSET_KINDS, DEFAULT_CONCERNS } from "@/lib/catalog/default-catalog";
import { verifyCredentials } from "@/lib/auth/credentials";
import { prepareDatabase } from "@/lib/commands/prepare-database";
import { useTestDatabase } from "@/tools/testing/test-database";
import { DEMO_PASSWORD } from "./demo-catalog";
import { seedDemoOrganisation } from "./seed-demo";

describe("preparing a database", () => {
  const db = useTestDatabase();

  it("creates the default catalog on a freshly migrated database without the demo", async () => {
    const result = await prepareDatabase(db.url, { seedDemo: false });
    expect(result).toEqual({ appliedMigrations: [], defaultCatalogCreated: true, demo: null, demoAccountsWithPublicPassword: [], setupLink: null });
    expect(await db.prisma.assetKind.count()).toBe(DEFAULT_ASSET_KINDS.length);
    expect(await db.prisma.concern.count()).toBe(DEFAULT_CONCERNS.length);
    expect(await db.prisma.concernApplicability.count()).toBe(
      DEFAULT_CONCERNS.reduce((sum, concern) => sum + concern.appliesTo.length, 0),
    );
    expect(await db.prisma.person.count()).toBe(0);
  });

  it("seeds the demo organisation once, and a second start keeps the data and seeds nothing", async () => {
    const first = await prepareDatabase(db.url, { seedDemo: true });
    expect(first.defaultCatalogCreated).toBe(false);
    expect(first.demo).toMatchObject({ seeded: true, counts: { teams: 6, people: 30, assets: 40 } });
    // Every demo account that signs in has the public password, until someone changes it.
    expect(first.demoAccountsWithPublicPassword).toContain("admin@example.org");
    const counts = async () => ({
      people: await db.prisma.person.count(),
      assignments: await db.prisma.assignment.count(),
      reviews: await db.prisma.review.count(),
      confirmations: await db.prisma.assignmentConfirmation.count(),
    });
    const before = await counts();
    expect(before.assignments).toBeGreaterThan(400);
    expect(before.confirmations).toBeGreaterThan(1000);

    const second = await prepareDatabase(db.url, { seedDemo: true });
    expect(second.demo).toEqual({ seeded: false, reason: "the database already has people" });
    expect(await counts()).toEqual(before);
    expect(await seedDemoOrganisation(db.prisma)).toMatchObject({ seeded: false });
  });

  it("stores each assignment's latest confirmation beside its full history", async () => {
    const mismatched = await db.prisma.$queryRaw<{ id: number }[]>`
      SELECT a.id FROM "Assignment" a
      LEFT JOIN (SELECT "assignmentId", max("confirmedAt") AS latest FROM "AssignmentConfirmation" GROUP BY "assignmentId") c
        ON c."assignmentId" = a.id
      WHERE a."confirmedAt" IS DISTINCT FROM c.latest`;
    expect(mismatched).toEqual([]);
  });

  it("lets the demo logins sign in with the demo password, and nobody else", async () => {
    for (const email of ["admin@example.org", "marketing.manager@example.org", "it.manager@example.org", "viewer@example.org"]) {
      expect(await verifyCredentials(db.prisma, { email, password: DEMO_PASSWORD }), email).toMatchObject({ email });
    }
    expect(await verifyCredentials(db.prisma, { email: "ADMIN@example.org ", password: DEMO_PASSWORD })).toMatchObject({
      email: "admin@example.org",
    });
    expect(await verifyCredentials(db.prisma, { email: "admin@example.org", password: "wrong" })).toBeNull();
    // A person with role `none` and the person who has left.
    expect(await verifyCredentials(db.prisma, { email: "leo.santos@example.org", password: DEMO_PASSWORD })).toBeNull();
    await db.prisma.person.update({ where: { email: "viewer@example.org" }, data: { deactivatedAt: new Date() } });
    expect(await verifyCredentials(db.prisma, { email: "viewer@example.org", password: DEMO_PASSWORD })).toBeNull();
    expect(await verifyCredentials(db.prisma, { email: "not-an-email", password: DEMO_PASSWORD })).toBeNull();
  });
});
