import { beforeAll, describe, expect, it } from "vitest";
import type { PolicyUser } from "@/lib/auth/policy";
import { verifyCredentials } from "@/lib/auth/credentials";
import type { Prisma } from "@/lib/db/generated/client";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { AppError } from "@/lib/errors";
import { loadOwnershipSnapshot } from "@/lib/ownership/snapshot";
import { useTestDatabase } from "@/tools/testing/test-database";
import { createPerson, deactivatePerson, reactivatePerson, setPersonPassword, updatePerson } from "./actions";
import { createPersonSchema } from "./schemas";

type Tx = Prisma.TransactionClient;

describe("people writes", () => {
  const db = useTestDatabase();
  let admin: PolicyUser;
  const run = <T>(write: (tx: Tx) => Promise<T>) => db.prisma.$transaction(write);
  const refusal = (write: (tx: Tx) => Promise<unknown>) =>
    run(write).then(
      () => {
        throw new Error("the write was not refused");
      },
      (error: unknown) => {
        if (!(error instanceof AppError)) throw error;
        return error;
      },
    );
  const userOf = async (email: string): Promise<PolicyUser> => {
    const person = await db.prisma.person.findUniqueOrThrow({ where: { email }, include: { team: true } });
    return {
      id: person.id,
      role: person.role as PolicyUser["role"],
      teamId: person.teamId,
      teamFunction: person.team?.function ?? null,
    };
  };
  const teamId = async (name: string) => (await db.prisma.team.findUniqueOrThrow({ where: { name } })).id;
  const auditOf = (email: string) =>
    db.prisma.auditEvent.findMany({
      where: { entityType: "person", entityId: email },
      orderBy: { id: "asc" },
    });

  beforeAll(async () => {
    await seedDemoOrganisation(db.prisma);
    admin = await userOf("admin@example.org");
  });

  it("creates a person with a lower-cased email, a team and an audit event", async () => {
    const input = createPersonSchema.parse({
      email: "  New.Hire@Example.org ",
      name: "New Hire",
      teamId: await teamId("Web Platform"),
      role: "none",
    });
    const { id, email } = await run((tx) => createPerson(tx, admin, input));
    expect(email).toBe("new.hire@example.org");
    const person = await db.prisma.person.findUniqueOrThrow({ where: { id } });
    expect(person).toMatchObject({ name: "New Hire", role: "none", passwordHash: null, deactivatedAt: null });
    const [event] = await auditOf(email);
    expect(event).toMatchObject({ action: "person.created", actorId: admin.id, before: null });
    expect(event!.after).toMatchObject({ email, name: "New Hire", team: "Web Platform", role: "none" });
  });

  it("refuses a taken email, in any case, with a field error and writes nothing", async () => {
    const before = await db.prisma.person.count();
    const input = createPersonSchema.parse({
      email: "Felix.Braun@example.org",
      name: "Another Felix",
      role: "none",
    });
    const error = await refusal((tx) => createPerson(tx, admin, input));
    expect(error.code).toBe("conflict");
    expect(error.details.fieldErrors?.email?.[0]).toContain("Felix Braun");
    expect(await db.prisma.person.count()).toBe(before);
  });

  it("refuses a manager without a team", async () => {
    const input = createPersonSchema.parse({
      email: "lonely.manager@example.org",
      name: "Lonely",
      role: "manager",
    });
    const error = await refusal((tx) => createPerson(tx, admin, input));
    expect(error.code).toBe("invalid");
    expect(error.details.fieldErrors?.teamId).toBeDefined();
  });

  it("creates a person with an initial password that signs in, and audits no hash", async () => {
    const input = createPersonSchema.parse({
      email: "auditor@example.org",
      name: "Audrey Auditor",
      role: "viewer",
      password: "a long enough secret",
    });
    await run((tx) => createPerson(tx, admin, input));
    expect(
      await verifyCredentials(db.prisma, { email: "auditor@example.org", password: "a long enough secret" }),
    ).toMatchObject({ name: "Audrey Auditor" });
    const events = await auditOf("auditor@example.org");
    expect(events[0]!.after).toMatchObject({ passwordChanged: true });
    expect(JSON.stringify(events)).not.toMatch(/\$2[aby]\$|passwordHash|a long enough secret/);
  });

  it("edits name, team and role, auditing before and after", async () => {
    const person = await db.prisma.person.findUniqueOrThrow({ where: { email: "leo.santos@example.org" } });
    const target = await teamId("Digital Campaigns");
    const result = await run((tx) =>
      updatePerson(tx, admin, person.id, {
        name: "Leo Santos-Ruiz",
        teamId: target,
        role: "viewer",
        updatedAt: person.updatedAt.toISOString(),
      }),
    );
    const after = await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } });
    expect(after).toMatchObject({
      name: "Leo Santos-Ruiz",
      teamId: target,
      role: "viewer",
      email: "leo.santos@example.org",
    });
    expect(result.updatedAt).toBe(after.updatedAt.toISOString());
    const event = (await auditOf(person.email)).at(-1)!;
    expect(event).toMatchObject({ action: "person.updated" });
    expect(event.before).toMatchObject({ name: "Leo Santos", team: "Brand & Content", role: "none" });
    expect(event.after).toMatchObject({ name: "Leo Santos-Ruiz", team: "Digital Campaigns", role: "viewer" });
  });

  it("refuses an edit based on a stale version with 409 and the current values, writing nothing", async () => {
    const person = await db.prisma.person.findUniqueOrThrow({ where: { email: "hannah.kim@example.org" } });
    const stale = new Date(person.updatedAt.getTime() - 60_000).toISOString();
    const events = await db.prisma.auditEvent.count();
    const error = await refusal((tx) =>
      updatePerson(tx, admin, person.id, {
        name: "Overwritten",
        teamId: null,
        role: "none",
        updatedAt: stale,
      }),
    );
    expect(error.code).toBe("conflict");
    expect(error.details.current).toMatchObject({
      name: "Hannah Kim",
      team: "Brand & Content",
      updatedAt: person.updatedAt.toISOString(),
    });
    expect(await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).toEqual(person);
    expect(await db.prisma.auditEvent.count()).toBe(events);
  });

  it("refuses to let an admin remove their own admin role", async () => {
    const me = await db.prisma.person.findUniqueOrThrow({ where: { id: admin.id } });
    const error = await refusal((tx) =>
      updatePerson(tx, admin, admin.id, {
        name: me.name,
        teamId: me.teamId,
        role: "manager",
        updatedAt: me.updatedAt.toISOString(),
      }),
    );
    expect(error.code).toBe("invalid");
    expect(error.details.fieldErrors?.role?.[0]).toMatch(/your own admin role/);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
  });

  /** Felix's A cells that have no departed owner before he leaves (some already have one: Ravi, who left). */
  let cleanCellKeys: string[] = [];
  const inactiveOwnerCellKeys = async () =>
    new Set(
      (await loadOwnershipSnapshot(db.prisma)).cells
        .filter((cell) => cell.gaps.some((gap) => gap.type === "inactive-owner"))
        .map((cell) => `${cell.assetKey}/${cell.concernKey}`),
    );

  it("deactivates a person: nothing is deleted and their A cells show inactive-owner", async () => {
    const felix = await db.prisma.person.findUniqueOrThrow({ where: { email: "felix.braun@example.org" } });
    const assignments = await db.prisma.assignment.count({ where: { personId: felix.id } });
    const snapshot = await loadOwnershipSnapshot(db.prisma);
    const heldA = snapshot.cells.filter(
      (cell) =>
        cell.inScope && cell.holders.some((holder) => holder.personId === felix.id && holder.role === "A"),
    );
    cleanCellKeys = heldA
      .filter((cell) => !cell.gaps.some((gap) => gap.type === "inactive-owner"))
      .map((cell) => `${cell.assetKey}/${cell.concernKey}`);
    expect(cleanCellKeys.length).toBeGreaterThan(0);

    await run((tx) => deactivatePerson(tx, admin, felix.id));
    const after = await db.prisma.person.findUniqueOrThrow({ where: { id: felix.id } });
    expect(after.deactivatedAt).not.toBeNull();
    expect(await db.prisma.assignment.count({ where: { personId: felix.id } })).toBe(assignments);
    const inactive = await inactiveOwnerCellKeys();
    for (const cell of heldA) expect(inactive).toContain(`${cell.assetKey}/${cell.concernKey}`);
    expect((await auditOf(felix.email)).at(-1)).toMatchObject({ action: "person.deactivated" });

    const again = await refusal((tx) => deactivatePerson(tx, admin, felix.id));
    expect(again.code).toBe("conflict");
  });

  it("reactivates a person and their cells lose the inactive-owner gap", async () => {
    const felix = await db.prisma.person.findUniqueOrThrow({ where: { email: "felix.braun@example.org" } });
    await run((tx) => reactivatePerson(tx, admin, felix.id));
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: felix.id } })).deactivatedAt).toBeNull();
    const inactive = await inactiveOwnerCellKeys();
    for (const key of cleanCellKeys) expect(inactive).not.toContain(key);
    const event = (await auditOf(felix.email)).at(-1)!;
    expect(event).toMatchObject({ action: "person.reactivated" });
    expect(event.before).toHaveProperty("deactivatedAt");
    expect(event.after).not.toHaveProperty("deactivatedAt");
  });

  it("refuses self-deactivation with a clear message", async () => {
    const error = await refusal((tx) => deactivatePerson(tx, admin, admin.id));
    expect(error.code).toBe("invalid");
    expect(error.message).toMatch(/cannot deactivate yourself/);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: admin.id } })).deactivatedAt).toBeNull();
  });

  it("sets a password that signs in, replacing the old one, and audits only that it changed", async () => {
    const viewer = await db.prisma.person.findUniqueOrThrow({ where: { email: "viewer@example.org" } });
    await run((tx) => setPersonPassword(tx, admin, viewer.id, { password: "correct horse battery" }));
    expect(
      await verifyCredentials(db.prisma, { email: viewer.email, password: "correct horse battery" }),
    ).toMatchObject({ id: viewer.id });
    expect(await verifyCredentials(db.prisma, { email: viewer.email, password: "demo-password" })).toBeNull();
    const event = (await auditOf(viewer.email)).at(-1)!;
    expect(event).toMatchObject({
      action: "person.password-set",
      before: null,
      after: { passwordChanged: true },
    });
    expect(JSON.stringify(event)).not.toMatch(/\$2[aby]\$|correct horse/);
  });

  it("refuses a password for someone with role none", async () => {
    const omar = await db.prisma.person.findUniqueOrThrow({ where: { email: "omar.haddad@example.org" } });
    const error = await refusal((tx) =>
      setPersonPassword(tx, admin, omar.id, { password: "correct horse battery" }),
    );
    expect(error.code).toBe("invalid");
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: omar.id } })).passwordHash).toBeNull();
  });

  it("answers not-found for a person who does not exist", async () => {
    expect((await refusal((tx) => reactivatePerson(tx, admin, 999_999))).code).toBe("not-found");
  });
});
