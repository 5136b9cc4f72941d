import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tools/testing/test-database";
import { listDemoAccountsWithPublicPassword } from "./public-password";
import { seedDemoOrganisation } from "./seed-demo";

describe("demo accounts with the public password", () => {
  const db = useTestDatabase();
  beforeAll(async () => {
    await seedDemoOrganisation(db.prisma);
  });

  it("lists every demo account that signs in, until its password is changed or it is deactivated", async () => {
    const before = await listDemoAccountsWithPublicPassword(db.prisma);
    expect(before).toEqual(expect.arrayContaining(["admin@example.org", "marketing.manager@example.org", "it.manager@example.org", "viewer@example.org"]));
    await db.prisma.person.update({ where: { email: "admin@example.org" }, data: { passwordHash: await bcrypt.hash("a far better passphrase", 4) } });
    await db.prisma.person.update({ where: { email: "viewer@example.org" }, data: { deactivatedAt: new Date() } });
    const after = await listDemoAccountsWithPublicPassword(db.prisma);
    expect(after).toEqual(before.filter((email) => email !== "admin@example.org" && email !== "viewer@example.org"));
  });

  it("is empty for an organisation that never had the demo", async () => {
    await db.prisma.person.updateMany({ where: { email: { endsWith: "@example.org" } }, data: { passwordHash: null } });
    expect(await listDemoAccountsWithPublicPassword(db.prisma)).toEqual([]);
  });
});
