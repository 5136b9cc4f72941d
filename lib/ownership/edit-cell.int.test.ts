import { beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import type { PolicyUser } from "@/lib/auth/policy";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { AppError } from "@/lib/errors";
import { authorizeAs } from "@/tools/testing/authorize";
import { useTestDatabase } from "@/tools/testing/test-database";
import { cellEditors } from "./cell-access";
import { loadCellState } from "./cell-state";
import { editCell } from "./edit-cell";
import type { EditCellInput } from "./schemas";

describe("editCell", () => {
  const db = useTestDatabase();
  const users: Record<"admin" | "marketingManager" | "itManager" | "viewer", PolicyUser> = {} as never;
  const personId: Record<string, number> = {};

  beforeAll(async () => {
    await seedDemoOrganisation(db.prisma);
    const people = await db.prisma.person.findMany({ select: { id: true, email: true, role: true, teamId: true, team: { select: { function: true } } } });
    for (const person of people) personId[person.email] = person.id;
    const asUser = (email: string): PolicyUser => {
      const person = people.find((p) => p.email === email)!;
      return { id: person.id, role: person.role as PolicyUser["role"], teamId: person.teamId, teamFunction: person.team?.function ?? null };
    };
    users.admin = asUser("admin@example.org");
    users.marketingManager = asUser("marketing.manager@example.org");
    users.itManager = asUser("it.manager@example.org");
    users.viewer = asUser("viewer@example.org");
  });

  const state = (assetKey: string, concernKey: string) => loadCellState(db.prisma, assetKey, concernKey, new Date());
  const counts = async () => ({ assignments: await db.prisma.assignment.count(), audit: await db.prisma.auditEvent.count() });

  async function run(user: PolicyUser, assetKey: string, concernKey: string, input: Omit<EditCellInput, "expectedVersion"> & { expectedVersion?: string }) {
    const expectedVersion = input.expectedVersion ?? (await state(assetKey, concernKey)).version;
    // As the route runs it: its policy locks and checks the cell, then the edit writes on what it read.
    return db.prisma.$transaction(async (tx) => {
      const cell = await authorizeAs(cellEditors, { user, tx, input: undefined, params: { assetKey, concernKey } });
      return editCell(tx, user, cell, { ...input, expectedVersion }, (entry) => recordAudit(tx, { ...entry, actorId: user.id }));
    });
  }

  async function expectRefused(promise: Promise<unknown>, code: AppError["code"]) {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
  }

  it("lets an admin replace the accountable owner, ending the old assignment and recording both in the audit trail", async () => {
    const before = await state("careers-site", "content");
    const oldA = before.holders.find((h) => h.role === "A")!;
    const newA = personId["oliver.grant@example.org"]!;
    const result = await run(users.admin, "careers-site", "content", { add: [{ personId: newA, role: "A" }], end: [oldA.assignmentId] });
    expect(result).toMatchObject({ added: 1, ended: 1 });
    const after = await state("careers-site", "content");
    expect(after.holders.filter((h) => h.role === "A").map((h) => h.personId)).toEqual([newA]);
    const ended = await db.prisma.assignment.findUniqueOrThrow({ where: { id: oldA.assignmentId } });
    expect(ended.endedAt).not.toBeNull();
    expect(ended.endedById).toBe(users.admin.id);
    const events = await db.prisma.auditEvent.findMany({ where: { entityType: "cell", entityId: "careers-site/content" }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["assignment.ended", "assignment.added"]);
    expect(events.every((e) => e.actorId === users.admin.id)).toBe(true);
    expect(result.version).toBe(after.version);
    // The person who assigns attests it: the new A is confirmed, so the cell is not stale.
    expect(after.holders.find((h) => h.role === "A")?.confirmedAt).not.toBeNull();
    expect(after.evaluated.gaps.map((g) => g.type)).not.toContain("stale");
  });

  it("lets a manager edit a cell their team holds A or R on", async () => {
    const cell = await state("corporate-website", "content");
    expect(cell.holders.some((h) => h.role === "A" || h.role === "R")).toBe(true);
    await run(users.marketingManager, "corporate-website", "content", { add: [{ personId: personId["zoe.martin@example.org"]!, role: "C" }], end: [] });
    expect((await state("corporate-website", "content")).holders.some((h) => h.personId === personId["zoe.martin@example.org"] && h.role === "C")).toBe(true);
  });

  it("lets a manager take an uncovered cell of their function, and refuses the other department", async () => {
    // YouTube security access has an R in IT and no A: uncovered, home IT.
    const input = { add: [{ personId: personId["jonas.lind@example.org"]!, role: "A" as const }], end: [] };
    const before = await counts();
    await expectRefused(run(users.marketingManager, "youtube-channel", "security-access", input), "forbidden");
    expect(await counts()).toEqual(before);
    await run(users.itManager, "youtube-channel", "security-access", input);
    expect((await state("youtube-channel", "security-access")).evaluated.covered).toBe(true);
  });

  it("refuses a manager of another team and a viewer, writing nothing", async () => {
    const input = { add: [{ personId: personId["zoe.martin@example.org"]!, role: "I" as const }], end: [] };
    const before = await counts();
    await expectRefused(run(users.itManager, "instagram-account", "content", input), "forbidden");
    await expectRefused(run(users.viewer, "instagram-account", "content", input), "forbidden");
    expect(await counts()).toEqual(before);
  });

  it("refuses a save made against an older version, with the current holders, and overwrites nothing", async () => {
    const stale = (await state("online-store", "content")).version;
    await run(users.admin, "online-store", "content", { add: [{ personId: personId["mia.novak@example.org"]!, role: "I" }], end: [] });
    const before = await counts();
    const error = await run(users.admin, "online-store", "content", {
      expectedVersion: stale,
      add: [{ personId: personId["lucas.weber@example.org"]!, role: "I" }],
      end: [],
    }).then(() => null, (e: AppError) => e);
    expect(error?.code).toBe("conflict");
    expect((error?.details.current as { holders: { personName: string }[] }).holders.map((h) => h.personName)).toContain("Mia Novak");
    expect(await counts()).toEqual(before);
  });

  it("serialises two simultaneous saves of one cell: one wins, the other gets a conflict", async () => {
    const version = (await state("hotjar", "security-access")).version;
    const attempt = (email: string) =>
      run(users.admin, "hotjar", "security-access", { expectedVersion: version, add: [{ personId: personId[email]!, role: "C" }], end: [] }).then(
        () => "saved",
        (e: AppError) => e.code,
      );
    const outcomes = await Promise.all([attempt("nina.petrova@example.org"), attempt("aisha.khan@example.org")]);
    expect(outcomes.sort()).toEqual(["conflict", "saved"]);
  });

  it("refuses someone who has left, a duplicate role and an asset that is retired", async () => {
    const before = await counts();
    await expectRefused(run(users.admin, "careers-site", "ux-design", { add: [{ personId: personId["ravi.patel@example.org"]!, role: "R" }], end: [] }), "invalid");
    const holder = (await state("careers-site", "ux-design")).holders[0]!;
    await expectRefused(run(users.admin, "careers-site", "ux-design", { add: [{ personId: holder.personId, role: holder.role }], end: [] }), "invalid");
    await expectRefused(run(users.admin, "holiday-2025-microsite", "content", { add: [{ personId: personId["leo.santos@example.org"]!, role: "C" }], end: [] }), "invalid");
    expect(await counts()).toEqual(before);
  });

  it("refuses a second accountable person, and takes one who replaces the A", async () => {
    const cell = await state("careers-site", "content");
    const accountable = cell.holders.find((h) => h.role === "A")!;
    const newcomer = personId["leo.santos@example.org"]!;
    const before = await counts();
    await expectRefused(run(users.admin, "careers-site", "content", { add: [{ personId: newcomer, role: "A" }], end: [] }), "invalid");
    expect(await counts()).toEqual(before);
    await run(users.admin, "careers-site", "content", { add: [{ personId: newcomer, role: "A" }], end: [accountable.assignmentId] });
    expect((await state("careers-site", "content")).holders.filter((h) => h.role === "A").map((h) => h.personId)).toEqual([newcomer]);
  });

  it("refuses a concern that does not apply to the asset's kind", async () => {
    await expectRefused(run(users.admin, "snowflake-warehouse", "content", { expectedVersion: "empty", add: [{ personId: 1, role: "A" }], end: [] }), "invalid");
  });
});
