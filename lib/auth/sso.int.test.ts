import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tools/testing/test-database";
import { checkSingleSignOn } from "./sso";

describe("checkSingleSignOn", () => {
  const db = useTestDatabase();
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    const team = await db.prisma.team.create({ data: { name: "Web Platform", function: "it" } });
    const people = [
      { email: "ada@example.org", name: "Ada", role: "manager" as const },
      { email: "left@example.org", name: "Left", role: "manager" as const, deactivatedAt: new Date() },
      { email: "owner-only@example.org", name: "Owner Only", role: "none" as const },
    ];
    for (const person of people) {
      const created = await db.prisma.person.create({ data: { ...person, teamId: team.id } });
      ids[person.email] = created.id;
    }
  });

  it("finds the person by the provider's email, whatever its case, and signs them in as that Person", async () => {
    const decision = await checkSingleSignOn(db.prisma, { email: "ADA@Example.org", email_verified: true, sub: "00u-idp-subject" } as object);
    expect(decision).toEqual({ kind: "signed-in", person: { id: ids["ada@example.org"], email: "ada@example.org", name: "Ada" } });
  });

  it("signs in a person who has no password: SSO does not need one", async () => {
    const ada = await db.prisma.person.findUniqueOrThrow({ where: { email: "ada@example.org" } });
    expect(ada.passwordHash).toBeNull();
    expect((await checkSingleSignOn(db.prisma, { email: "ada@example.org", email_verified: true })).kind).toBe("signed-in");
  });

  it("refuses unknown, deactivated and role-less people, and unverified emails", async () => {
    const verified = (email: string) => ({ email, email_verified: true });
    expect(await checkSingleSignOn(db.prisma, verified("nobody@example.org"))).toEqual({ kind: "refused", reason: "no-account", email: "nobody@example.org" });
    expect(await checkSingleSignOn(db.prisma, verified("left@example.org"))).toMatchObject({ kind: "refused", reason: "deactivated" });
    expect(await checkSingleSignOn(db.prisma, verified("owner-only@example.org"))).toMatchObject({ kind: "refused", reason: "no-role" });
    expect(await checkSingleSignOn(db.prisma, { email: "ada@example.org", email_verified: false })).toEqual({ kind: "refused", reason: "unverified-email" });
    expect(await checkSingleSignOn(db.prisma, { email: "ada@example.org" })).toEqual({ kind: "refused", reason: "unverified-email" });
    expect((await checkSingleSignOn(db.prisma, { email: "ada@example.org" }, { requireVerifiedEmail: false, allowedDomains: null })).kind).toBe("signed-in");
    expect(await checkSingleSignOn(db.prisma, verified("ada@example.org"), { requireVerifiedEmail: true, allowedDomains: ["example.com"] })).toMatchObject({ reason: "domain-not-allowed" });
  });
});
