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
      { email: "bo@example.org", name: "Bo", role: "viewer" as const },
      { email: "cy@example.org", name: "Cy", role: "viewer" as const },
    ];
    for (const person of people) {
      const created = await db.prisma.person.create({ data: { ...person, teamId: team.id } });
      ids[person.email] = created.id;
    }
  });

  const ISSUER = "https://login.example.org";

  it("finds the person by the provider's email, whatever its case, and signs them in as that Person", async () => {
    const decision = await checkSingleSignOn(db.prisma, { email: "ADA@Example.org", email_verified: true, iss: ISSUER, sub: "00u-idp-subject" });
    expect(decision).toEqual({ kind: "signed-in", person: { id: ids["ada@example.org"], email: "ada@example.org", name: "Ada" } });
  });

  it("signs in a person who has no password: SSO does not need one", async () => {
    const ada = await db.prisma.person.findUniqueOrThrow({ where: { email: "ada@example.org" } });
    expect(ada.passwordHash).toBeNull();
    expect((await checkSingleSignOn(db.prisma, { email: "ada@example.org", email_verified: true, iss: ISSUER, sub: "00u-idp-subject" })).kind).toBe("signed-in");
  });

  it("refuses unknown, deactivated and role-less people, and unverified emails", async () => {
    const verified = (email: string) => ({ email, email_verified: true, iss: ISSUER, sub: `sub-of-${email}` });
    expect(await checkSingleSignOn(db.prisma, verified("nobody@example.org"))).toEqual({ kind: "refused", reason: "no-account", email: "nobody@example.org" });
    expect(await checkSingleSignOn(db.prisma, verified("left@example.org"))).toMatchObject({ kind: "refused", reason: "deactivated" });
    expect(await checkSingleSignOn(db.prisma, verified("owner-only@example.org"))).toMatchObject({ kind: "refused", reason: "no-role" });
    expect(await checkSingleSignOn(db.prisma, { email: "ada@example.org", email_verified: false, iss: ISSUER, sub: "00u-idp-subject" })).toEqual({ kind: "refused", reason: "unverified-email" });
    expect(await checkSingleSignOn(db.prisma, { email: "ada@example.org", iss: ISSUER, sub: "00u-idp-subject" })).toEqual({ kind: "refused", reason: "unverified-email" });
    expect((await checkSingleSignOn(db.prisma, { email: "ada@example.org", iss: ISSUER, sub: "00u-idp-subject" }, { requireVerifiedEmail: false, allowedDomains: null })).kind).toBe("signed-in");
    expect(await checkSingleSignOn(db.prisma, verified("ada@example.org"), { requireVerifiedEmail: true, allowedDomains: ["example.com"] })).toMatchObject({ reason: "domain-not-allowed" });
  });

  it("remembers the provider's subject at the first sign-in, with an audit event, and refuses another subject for that email later", async () => {
    const token = (sub: string) => ({ email: "bo@example.org", email_verified: true, iss: ISSUER, sub });
    expect((await checkSingleSignOn(db.prisma, token("bo-1"))).kind).toBe("signed-in");
    expect(await db.prisma.person.findUniqueOrThrow({ where: { email: "bo@example.org" }, select: { ssoIssuer: true, ssoSubject: true } })).toEqual({ ssoIssuer: ISSUER, ssoSubject: "bo-1" });
    expect(await db.prisma.auditEvent.count({ where: { action: "person.sso-linked", entityId: "bo@example.org" } })).toBe(1);
    expect((await checkSingleSignOn(db.prisma, token("bo-1"))).kind).toBe("signed-in");
    expect(await checkSingleSignOn(db.prisma, token("someone-else"))).toEqual({ kind: "refused", reason: "other-identity", email: "bo@example.org" });
    expect(await checkSingleSignOn(db.prisma, { ...token("bo-1"), iss: "https://other.example" })).toMatchObject({ reason: "other-identity" });
    // The same identity for another email is not a second person.
    expect(await checkSingleSignOn(db.prisma, { ...token("bo-1"), email: "cy@example.org" })).toMatchObject({ reason: "other-identity" });
    expect(await db.prisma.auditEvent.count({ where: { action: "person.sso-linked" } })).toBe(2);
  });

  it("of two first sign-ins at once with different subjects, lets one in", async () => {
    const decisions = await Promise.all(["cy-1", "cy-2", "cy-3"].map((sub) => checkSingleSignOn(db.prisma, { email: "cy@example.org", email_verified: true, iss: ISSUER, sub })));
    expect(decisions.filter((decision) => decision.kind === "signed-in")).toHaveLength(1);
  });
});
