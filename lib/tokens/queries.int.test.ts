import { beforeAll, describe, expect, it } from "vitest";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import type { Tx } from "@/lib/auth/write-policy";
import { useTestDatabase } from "@/tools/testing/test-database";
import { listPersonalTokens, listServiceTokens, tokenStatus } from "./queries";
import { createPersonalToken, createServiceToken, revokeToken } from "./tokens";

/** Issue 17, item 1: what My account -> Tokens and Settings -> Service tokens list, and never the secret. */

describe("token lists", () => {
  const db = useTestDatabase();
  let admin: { id: number };
  let manager: { id: number };
  let teamId: number;
  const made = new Date("2026-12-01T09:00:00Z");

  const asPerson = <T>(actorId: number, write: (tx: Tx, audit: (entry: Omit<AuditEntry, "actorId">) => Promise<void>) => Promise<T>) =>
    db.prisma.$transaction((tx) => write(tx, (entry) => recordAudit(tx, { ...entry, actorId })));

  beforeAll(async () => {
    teamId = (await db.prisma.team.create({ data: { name: "Web Platform", function: "it" } })).id;
    admin = await db.prisma.person.create({ data: { email: "admin@acme.example", name: "Alice Admin", role: "admin" } });
    manager = await db.prisma.person.create({ data: { email: "maya@acme.example", name: "Maya Manager", role: "manager", teamId } });
  });

  it("lists a person's own tokens, newest first, with their status and without the secret", async () => {
    const older = await asPerson(manager.id, (tx, audit) => createPersonalToken(tx, manager.id, { name: "Backstage sync", expiresInDays: 1 }, audit, made));
    const newer = await asPerson(manager.id, (tx, audit) => createPersonalToken(tx, manager.id, { name: "BI export", expiresInDays: null }, audit));
    const revoked = await asPerson(manager.id, (tx, audit) => createPersonalToken(tx, manager.id, { name: "Old laptop", expiresInDays: null }, audit));
    await asPerson(manager.id, (tx, audit) => revokeToken(tx, revoked.id, manager.id, audit));
    await asPerson(admin.id, (tx, audit) => createPersonalToken(tx, admin.id, { name: "Someone else's", expiresInDays: null }, audit));

    const listed = await listPersonalTokens(manager.id, new Date("2026-12-03T00:00:00Z"), db.prisma);
    expect(listed.map((token) => [token.name, token.status])).toEqual([
      ["Old laptop", "revoked"],
      ["BI export", "active"],
      ["Backstage sync", "expired"],
    ]);
    expect(listed[1]).toMatchObject({ id: newer.id, prefix: newer.token.slice(0, 8), lastUsedAt: null, expiresAt: null });
    expect(listed[2]!.expiresAt).toEqual(new Date(made.getTime() + 86_400_000));
    const shown = JSON.stringify(listed);
    for (const token of [older, newer, revoked]) expect(shown).not.toContain(token.token.slice(8));
    expect(shown).not.toContain("secretHash");
  });

  it("lists the service tokens with their role, team and the admin who made them, and no personal token", async () => {
    const cmdb = await asPerson(admin.id, (tx, audit) => createServiceToken(tx, admin.id, { name: "CMDB", role: "manager", teamId, expiresInDays: 90 }, audit));
    await asPerson(admin.id, (tx, audit) => createServiceToken(tx, admin.id, { name: "BI", role: "viewer", teamId: null, expiresInDays: null }, audit));
    const listed = await listServiceTokens(new Date(), db.prisma);
    expect(listed.map((token) => [token.name, token.role, token.teamName, token.createdByName, token.status])).toEqual([
      ["BI", "viewer", null, "Alice Admin", "active"],
      ["CMDB", "manager", "Web Platform", "Alice Admin", "active"],
    ]);
    expect(JSON.stringify(listed)).not.toContain(cmdb.token.slice(8));
  });

  it("calls a revoked token revoked even once its expiry has passed", () => {
    const past = new Date("2026-01-01T00:00:00Z");
    const now = new Date("2026-12-03T00:00:00Z");
    expect(tokenStatus({ revokedAt: past, expiresAt: past }, now)).toBe("revoked");
    expect(tokenStatus({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(tokenStatus({ revokedAt: null, expiresAt: null }, now)).toBe("active");
  });
});
