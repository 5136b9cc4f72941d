import { beforeAll, describe, expect, it } from "vitest";
import type { PolicyUser } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/client";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { AppError } from "@/lib/errors";
import { loadOwnershipSnapshot } from "@/lib/ownership/snapshot";
import { useTestDatabase } from "@/tools/testing/test-database";
import { computeOwnershipFigures } from "./figures";
import { createTeam, updateTeam } from "./team-actions";

type Tx = Prisma.TransactionClient;

describe("team writes", () => {
  const db = useTestDatabase();
  let admin: PolicyUser;
  const run = <T>(write: (tx: Tx) => Promise<T>) => db.prisma.$transaction(write);
  const refusal = (write: (tx: Tx) => Promise<unknown>) =>
    run(write).then(
      () => expect.unreachable("the write was not refused"),
      (error: unknown) => (error instanceof AppError ? error : Promise.reject(error)),
    );
  const auditOf = (id: number) =>
    db.prisma.auditEvent.findMany({
      where: { entityType: "team", entityId: String(id) },
      orderBy: { id: "asc" },
    });

  beforeAll(async () => {
    await seedDemoOrganisation(db.prisma);
    const person = await db.prisma.person.findUniqueOrThrow({
      where: { email: "admin@example.org" },
      include: { team: true },
    });
    admin = {
      id: person.id,
      role: "admin",
      teamId: person.teamId,
      teamFunction: person.team?.function ?? null,
    };
  });

  it("creates a team and audits it", async () => {
    const { id } = await run((tx) => createTeam(tx, admin, { name: "Growth Lab", function: "marketing" }));
    expect(await db.prisma.team.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "Growth Lab",
      function: "marketing",
    });
    expect(await auditOf(id)).toMatchObject([
      { action: "team.created", actorId: admin.id, after: { name: "Growth Lab", function: "marketing" } },
    ]);
  });

  it("refuses a name already taken, whatever its case, with a field error", async () => {
    const teams = await db.prisma.team.count();
    const error = await refusal((tx) => createTeam(tx, admin, { name: "web PLATFORM", function: "it" }));
    expect(error.code).toBe("conflict");
    expect(error.details.fieldErrors?.name?.[0]).toContain("Web Platform");
    expect(await db.prisma.team.count()).toBe(teams);
  });

  it("renames a team and changes its function, which moves its members to the other side of shared concerns", async () => {
    const team = await db.prisma.team.findUniqueOrThrow({ where: { name: "Data Engineering" } });
    const before = computeOwnershipFigures(await loadOwnershipSnapshot(db.prisma));
    await run((tx) =>
      updateTeam(tx, admin, team.id, {
        name: "Data & Analytics",
        function: "marketing",
        updatedAt: team.updatedAt.toISOString(),
      }),
    );
    expect(await db.prisma.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({
      name: "Data & Analytics",
      function: "marketing",
    });
    const [event] = await auditOf(team.id);
    expect(event).toMatchObject({
      action: "team.updated",
      before: { name: "Data Engineering", function: "it" },
      after: { name: "Data & Analytics", function: "marketing" },
    });
    const after = computeOwnershipFigures(await loadOwnershipSnapshot(db.prisma));
    expect(after.coverageByTeam[team.id]!.inScope).toBe(before.coverageByTeam[team.id]!.inScope);
    expect(after.coverageByTeam[team.id]!.covered).not.toBe(before.coverageByTeam[team.id]!.covered);
  });

  it("refuses an edit from a stale version with the current values, writing nothing", async () => {
    const team = await db.prisma.team.findUniqueOrThrow({ where: { name: "Web Platform" } });
    const events = await db.prisma.auditEvent.count();
    const error = await refusal((tx) =>
      updateTeam(tx, admin, team.id, {
        name: "Web",
        function: "other",
        updatedAt: new Date(team.updatedAt.getTime() - 1).toISOString(),
      }),
    );
    expect(error.code).toBe("conflict");
    expect(error.details.current).toMatchObject({
      name: "Web Platform",
      function: "it",
      updatedAt: team.updatedAt.toISOString(),
    });
    expect(await db.prisma.team.findUniqueOrThrow({ where: { id: team.id } })).toEqual(team);
    expect(await db.prisma.auditEvent.count()).toBe(events);
  });

  it("refuses renaming onto another team's name but allows changing only the case of its own", async () => {
    const team = await db.prisma.team.findUniqueOrThrow({ where: { name: "Web Platform" } });
    const taken = await refusal((tx) =>
      updateTeam(tx, admin, team.id, {
        name: "brand & content",
        function: "it",
        updatedAt: team.updatedAt.toISOString(),
      }),
    );
    expect(taken.code).toBe("conflict");
    await run((tx) =>
      updateTeam(tx, admin, team.id, {
        name: "WEB Platform",
        function: "it",
        updatedAt: team.updatedAt.toISOString(),
      }),
    );
    expect((await db.prisma.team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe("WEB Platform");
  });

  it("answers not-found for a team that does not exist", async () => {
    const error = await refusal((tx) =>
      updateTeam(tx, admin, 999_999, { name: "X", function: "it", updatedAt: new Date().toISOString() }),
    );
    expect(error.code).toBe("not-found");
  });
});
