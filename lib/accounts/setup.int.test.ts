import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/tools/testing/test-database";
import { findLink } from "./one-time-links";
import { canSetUpWith, completeSetup, isSetupNeeded, issueSetupLinkIfNeeded } from "./setup";

const PASSWORD = "correct horse battery staple";
const noSso = { singleSignOn: false };
const input = (token: string, email = "ada@acme.example") => ({ token, organisationName: "Acme", timeZone: "Europe/Berlin", name: "Ada Admin", email, password: PASSWORD });

describe("first-run set-up", () => {
  const db = useTestDatabase();

  it("offers a link on an empty database; only the newest link works, within 24 hours", async () => {
    const now = new Date("2026-12-03T10:00:00Z");
    expect(await isSetupNeeded(db.prisma, noSso)).toBe(true);
    const first = (await issueSetupLinkIfNeeded(db.prisma, { ...noSso, now }))!;
    const second = (await issueSetupLinkIfNeeded(db.prisma, { ...noSso, now }))!;
    expect(second.path).toMatch(/^\/setup\?token=[A-Za-z0-9_-]{43}$/);
    expect(second.expiresAt).toEqual(new Date("2026-12-04T10:00:00Z"));
    expect(await canSetUpWith(first.token, { ...noSso, now }, db.prisma)).toBe(false);
    expect(await canSetUpWith(second.token, { ...noSso, now }, db.prisma)).toBe(true);
    expect(await canSetUpWith(second.token, { ...noSso, now: new Date("2026-12-04T10:00:00Z") }, db.prisma)).toBe(false);
    expect(await canSetUpWith("not-a-token", noSso, db.prisma)).toBe(false);
    // Only the hash is stored.
    const stored = await db.prisma.accountLink.findMany({ select: { tokenHash: true } });
    expect(stored.map((row) => row.tokenHash)).not.toContain(second.token);
  });

  it("names the organisation and makes its first admin, once; two forms racing with one link: one wins", async () => {
    const link = (await issueSetupLinkIfNeeded(db.prisma, noSso))!;
    const results = await Promise.allSettled([completeSetup(input(link.token), noSso, db.prisma), completeSetup(input(link.token, "eve@acme.example"), noSso, db.prisma)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AppError);
    expect((refused.reason as AppError).code).toBe("not-found");

    const admins = await db.prisma.person.findMany({ where: { role: "admin" }, select: { email: true, passwordHash: true } });
    expect(admins).toHaveLength(1);
    expect(await bcrypt.compare(PASSWORD, admins[0]!.passwordHash!)).toBe(true);
    expect(await db.prisma.organisationSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ name: "Acme", timeZone: "Europe/Berlin", setupCompletedAt: expect.any(Date) });
    const events = await db.prisma.auditEvent.findMany({ orderBy: { id: "asc" }, select: { action: true, actorId: true, after: true } });
    expect(events.map((event) => event.action)).toEqual(["person.created", "organisation.set-up"]);
    expect(JSON.stringify(events)).not.toContain(admins[0]!.passwordHash!);

    expect(await isSetupNeeded(db.prisma, noSso)).toBe(false);
    expect(await issueSetupLinkIfNeeded(db.prisma, noSso)).toBeNull();
    expect(await canSetUpWith(link.token, noSso, db.prisma)).toBe(false);
    expect((await findLink(db.prisma, link.token))!.state).toBe("used");
  });
});

describe("whether set-up is needed", () => {
  const db = useTestDatabase();

  it("is not once an admin can sign in: with a password, an SSO identity, or any admin when SSO is configured", async () => {
    const admin = await db.prisma.person.create({ data: { email: "imported@acme.example", name: "Imported Admin", role: "admin" } });
    expect(await isSetupNeeded(db.prisma, noSso)).toBe(true);
    expect(await isSetupNeeded(db.prisma, { singleSignOn: true })).toBe(false);
    await db.prisma.person.update({ where: { id: admin.id }, data: { ssoIssuer: "https://idp.example", ssoSubject: "42" } });
    expect(await isSetupNeeded(db.prisma, noSso)).toBe(false);
    await db.prisma.person.update({ where: { id: admin.id }, data: { deactivatedAt: new Date() } });
    expect(await isSetupNeeded(db.prisma, noSso)).toBe(true);
  });

  it("promotes the imported person with the set-up's email instead of making a second one", async () => {
    const link = (await issueSetupLinkIfNeeded(db.prisma, noSso))!;
    await completeSetup(input(link.token, "imported@acme.example"), noSso, db.prisma);
    const person = await db.prisma.person.findUniqueOrThrow({ where: { email: "imported@acme.example" } });
    expect(person).toMatchObject({ role: "admin", deactivatedAt: null, name: "Ada Admin" });
    expect(await db.prisma.person.count()).toBe(1);
  });
});
