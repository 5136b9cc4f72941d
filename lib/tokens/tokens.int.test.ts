import { beforeAll, describe, expect, it } from "vitest";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import type { Tx } from "@/lib/auth/write-policy";
import { deactivatePerson } from "@/lib/people/actions";
import { useTestDatabase } from "@/tools/testing/test-database";
import { authenticateToken } from "./authenticate";
import { createPersonalToken, createServiceToken, revokeToken, type IssuedToken } from "./tokens";

/** Issue 17, item 1: tokens shown once and stored hashed, and every way a token stops working. */

describe("API tokens", () => {
  const db = useTestDatabase();
  let admin: { id: number };
  let manager: { id: number; teamId: number | null };
  let teamId: number;

  const asPerson = <T>(actorId: number, write: (tx: Tx, audit: (entry: Omit<AuditEntry, "actorId">) => Promise<void>) => Promise<T>) =>
    db.prisma.$transaction((tx) => write(tx, (entry) => recordAudit(tx, { ...entry, actorId })));

  beforeAll(async () => {
    const team = await db.prisma.team.create({ data: { name: "Web Platform", function: "it" } });
    teamId = team.id;
    admin = await db.prisma.person.create({ data: { email: "admin@acme.example", name: "Alice Admin", role: "admin" } });
    manager = await db.prisma.person.create({ data: { email: "maya@acme.example", name: "Maya Manager", role: "manager", teamId } });
  });

  const personalToken = (personId: number, expiresInDays: number | null = null, now?: Date) =>
    asPerson(personId, (tx, audit) => createPersonalToken(tx, personId, { name: "Backstage sync", expiresInDays }, audit, now));

  it("shows the token once, recognisably, and keeps only its hash", async () => {
    const issued = await personalToken(manager.id);
    expect(issued.token).toMatch(/^tdm_[A-Za-z0-9_-]{43}$/);
    const row = await db.prisma.apiToken.findUniqueOrThrow({ where: { id: issued.id } });
    expect(JSON.stringify(row)).not.toContain(issued.token.slice(4));
    expect(row.prefix).toBe(issued.token.slice(0, 8));
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "api-token.created", entityId: String(issued.id) } });
    expect(JSON.stringify(audit)).not.toContain(issued.token.slice(4));
  });

  it("acts as its person with their role of the moment, and notes when it was last used", async () => {
    const issued = await personalToken(manager.id);
    const now = new Date("2026-12-03T10:00:00Z");
    const caller = await authenticateToken(db.prisma, issued.token, now);
    expect(caller).toMatchObject({ user: { id: manager.id, role: "manager", teamId }, token: { id: issued.id, kind: "personal", name: "Backstage sync" } });
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id: issued.id } })).lastUsedAt).toEqual(now);

    await db.prisma.person.update({ where: { id: manager.id }, data: { role: "viewer" } });
    expect((await authenticateToken(db.prisma, issued.token))?.user.role).toBe("viewer");
    await db.prisma.person.update({ where: { id: manager.id }, data: { role: "none" } });
    expect(await authenticateToken(db.prisma, issued.token)).toBeNull();
    await db.prisma.person.update({ where: { id: manager.id }, data: { role: "manager" } });
  });

  it("refuses a revoked token, an expired one, a made-up one and one of a person who left", async () => {
    const revoked = await personalToken(manager.id);
    await asPerson(manager.id, (tx, audit) => revokeToken(tx, revoked.id, manager.id, audit));
    expect(await authenticateToken(db.prisma, revoked.token)).toBeNull();

    const made = new Date("2026-12-01T09:00:00Z");
    const expiring = await personalToken(manager.id, 1, made);
    expect(await authenticateToken(db.prisma, expiring.token, new Date("2026-12-02T08:59:59Z"))).not.toBeNull();
    expect(await authenticateToken(db.prisma, expiring.token, new Date("2026-12-02T09:00:00Z"))).toBeNull();

    expect(await authenticateToken(db.prisma, `tdm_${"A".repeat(43)}`)).toBeNull();
    expect(await authenticateToken(db.prisma, "not a token")).toBeNull();

    const leaver = await db.prisma.person.create({ data: { email: "leo@acme.example", name: "Leo Leaver", role: "manager", teamId } });
    const tokens: IssuedToken[] = [await personalToken(leaver.id), await personalToken(leaver.id)];
    await asPerson(admin.id, (tx) => deactivatePerson(tx, { id: admin.id, role: "admin", teamId: null, teamFunction: null }, leaver.id));
    for (const token of tokens) expect(await authenticateToken(db.prisma, token.token)).toBeNull();
    // Revoked, not only refused: coming back does not bring the tokens back.
    expect(await db.prisma.apiToken.count({ where: { personId: leaver.id, revokedAt: null } })).toBe(0);
    await db.prisma.person.update({ where: { id: leaver.id }, data: { deactivatedAt: null } });
    expect(await authenticateToken(db.prisma, tokens[0]!.token)).toBeNull();
  });

  it("lets nobody revoke a token that is not theirs", async () => {
    const token = await personalToken(manager.id);
    await expect(asPerson(admin.id, (tx, audit) => revokeToken(tx, token.id, admin.id, audit))).rejects.toMatchObject({ code: "not-found" });
    // Service tokens are revoked by admins only, as service tokens.
    await expect(asPerson(admin.id, (tx, audit) => revokeToken(tx, token.id, null, audit))).rejects.toMatchObject({ code: "not-found" });
    expect(await authenticateToken(db.prisma, token.token)).not.toBeNull();
  });

  it("gives a service token its own role and team, in its creator's name", async () => {
    const issued = await asPerson(admin.id, (tx, audit) =>
      createServiceToken(tx, admin.id, { name: "CMDB", role: "manager", teamId, expiresInDays: null }, audit),
    );
    const caller = await authenticateToken(db.prisma, issued.token);
    expect(caller).toMatchObject({
      user: { id: admin.id, role: "manager", teamId, teamName: "Web Platform", teamFunction: "it", name: "CMDB" },
      token: { kind: "service", name: "CMDB" },
    });
    await asPerson(admin.id, (tx, audit) => revokeToken(tx, issued.id, null, audit));
    expect(await authenticateToken(db.prisma, issued.token)).toBeNull();
  });

  it("names the token on every audit event of a write made through it", async () => {
    const issued = await personalToken(admin.id);
    await db.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('tandem.api_token_id', ${String(issued.id)}, true)`;
      await recordAudit(tx, { actorId: admin.id, action: "team.created", entityType: "team", entityId: 1 });
    });
    await asPerson(admin.id, (tx, audit) => audit({ action: "team.updated", entityType: "team", entityId: 1 }));
    const events = await db.prisma.auditEvent.findMany({ where: { entityType: "team" }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.action, event.apiTokenId])).toEqual([
      ["team.created", issued.id],
      ["team.updated", null],
    ]);
  });
});
