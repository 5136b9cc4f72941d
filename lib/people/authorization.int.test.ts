import { beforeAll, describe, expect, it } from "vitest";
import type { PolicyUser } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/client";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/lib/testing/test-database";
import { createPerson, deactivatePerson, reactivatePerson, setPersonPassword, updatePerson } from "./actions";
import { createTeam, updateTeam } from "./team-actions";

type Tx = Prisma.TransactionClient;

/** DESIGN.md section 5: only admins edit people and teams. A refused write leaves the database as it was. */
describe("who may change people and teams", () => {
  const db = useTestDatabase();
  const users = {} as Record<"admin" | "manager" | "viewer", PolicyUser>;
  let felix: { id: number; updatedAt: Date };
  let ravi: { id: number };
  let viewerId: number;
  let team: { id: number; updatedAt: Date };

  const userOf = async (email: string): Promise<PolicyUser> => {
    const person = await db.prisma.person.findUniqueOrThrow({ where: { email }, include: { team: true } });
    return {
      id: person.id,
      role: person.role as PolicyUser["role"],
      teamId: person.teamId,
      teamFunction: person.team?.function ?? null,
    };
  };
  /** Everything a refused write could have touched. */
  const state = async () => ({
    people: await db.prisma.person.findMany({ orderBy: { id: "asc" } }),
    teams: await db.prisma.team.findMany({ orderBy: { id: "asc" } }),
    audit: await db.prisma.auditEvent.count(),
  });

  const writes: Record<string, (tx: Tx, user: PolicyUser) => Promise<unknown>> = {
    "create a person": (tx, user) =>
      createPerson(tx, user, {
        email: "someone.new@example.org",
        name: "Someone New",
        teamId: null,
        role: "none",
      }),
    "edit a person": (tx, user) =>
      updatePerson(tx, user, felix.id, {
        name: "Felix B.",
        teamId: null,
        role: "none",
        updatedAt: felix.updatedAt.toISOString(),
      }),
    "deactivate a person": (tx, user) => deactivatePerson(tx, user, felix.id),
    "reactivate a person": (tx, user) => reactivatePerson(tx, user, ravi.id),
    "set a password": (tx, user) =>
      setPersonPassword(tx, user, viewerId, { password: "a brand new password" }),
    "create a team": (tx, user) => createTeam(tx, user, { name: "Growth Lab", function: "marketing" }),
    "edit a team": (tx, user) =>
      updateTeam(tx, user, team.id, {
        name: "Brand Studio",
        function: "marketing",
        updatedAt: team.updatedAt.toISOString(),
      }),
  };

  beforeAll(async () => {
    await seedDemoOrganisation(db.prisma);
    users.admin = await userOf("admin@example.org");
    users.manager = await userOf("marketing.manager@example.org");
    users.viewer = await userOf("viewer@example.org");
    felix = await db.prisma.person.findUniqueOrThrow({ where: { email: "felix.braun@example.org" } });
    ravi = await db.prisma.person.findUniqueOrThrow({ where: { email: "ravi.patel@example.org" } });
    viewerId = users.viewer.id;
    team = await db.prisma.team.findUniqueOrThrow({ where: { name: "Brand & Content" } });
  });

  for (const role of ["manager", "viewer"] as const) {
    for (const [name, write] of Object.entries(writes)) {
      it(`refuses a ${role} to ${name}, changing nothing`, async () => {
        const before = await state();
        const error = await db.prisma
          .$transaction((tx) => write(tx, users[role]))
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe("forbidden");
        expect(await state()).toEqual(before);
      });
    }
  }

  for (const [name, write] of Object.entries(writes)) {
    it(`lets an admin ${name}`, async () => {
      const audit = await db.prisma.auditEvent.count();
      await db.prisma.$transaction((tx) => write(tx, users.admin));
      expect(await db.prisma.auditEvent.count()).toBe(audit + 1);
    });
  }
});
