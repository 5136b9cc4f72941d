import { beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import type { PolicyUser } from "@/lib/auth/policy";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { AppError } from "@/lib/errors";
import { listLeaversToHandOver } from "@/lib/home/leavers";
import { loadSharedReport } from "@/lib/report/shared-report";
import { authorizeAs } from "@/tools/testing/authorize";
import { catalogTestKit } from "@/tools/testing/catalog-kit";
import { useTestDatabase } from "@/tools/testing/test-database";
import type { HandOverInput } from "./schemas";
import { handOverCells, successionEditors } from "./succession";
import { getSuccession } from "./succession-queries";

/** Issue 18, item 3: the demo's leaver Ravi Patel (Security & Infrastructure) still holds A and R cells. */
describe("succession", () => {
  const db = useTestDatabase();
  const users = {} as Record<"admin" | "ownManager" | "otherManager" | "viewer", PolicyUser>;
  const personId: Record<string, number> = {};
  let ravi: number;

  beforeAll(async () => {
    await seedDemoOrganisation(db.prisma);
    const { userOf } = catalogTestKit(db);
    users.admin = await userOf("admin@example.org");
    users.ownManager = await userOf("sarah.oconnell@example.org");
    users.otherManager = await userOf("marketing.manager@example.org");
    users.viewer = await userOf("viewer@example.org");
    for (const person of await db.prisma.person.findMany({ select: { id: true, email: true } })) personId[person.email] = person.id;
    ravi = personId["ravi.patel@example.org"]!;
  });

  const counts = async () => ({ assignments: await db.prisma.assignment.count(), audit: await db.prisma.auditEvent.count() });
  const heldByRavi = () =>
    db.prisma.assignment.count({ where: { personId: ravi, endedAt: null, role: { in: ["A", "R"] }, asset: { lifecycle: { not: "retired" } } } });

  function handOver(user: PolicyUser, input: HandOverInput) {
    return db.prisma.$transaction((tx) =>
      authorizeAs(successionEditors, { user, tx, input, params: { id: String(ravi) } }).then((leaver) =>
        handOverCells(tx, user, leaver, input, (entry) => recordAudit(tx, { ...entry, actorId: user.id })),
      ),
    );
  }

  async function allTo(email: string): Promise<HandOverInput> {
    const view = (await getSuccession(ravi, db.prisma))!;
    const successorId = personId[email]!;
    return { cells: view.assets.flatMap((asset) => asset.cells.map(({ assetKey, concernKey, role }) => ({ assetKey, concernKey, role, successorId }))) };
  }

  it("lists the leaver's A and R cells grouped by asset, each with a teammate suggested", async () => {
    const view = (await getSuccession(ravi, db.prisma))!;
    expect(view.cellCount).toBe(await heldByRavi());
    expect(view.cellCount).toBeGreaterThan(1);
    expect(new Set(view.assets.map((asset) => asset.assetKey)).size).toBe(view.assets.length);
    const team = await db.prisma.person.findMany({ where: { team: { name: "Security & Infrastructure" }, deactivatedAt: null }, select: { id: true } });
    for (const cell of view.assets.flatMap((asset) => asset.cells)) {
      expect(team.map((person) => person.id)).toContain(cell.suggestions[0]?.personId);
    }
    expect(view.successors.map((person) => person.id)).not.toContain(ravi);
  });

  it("shows the leaver on Home to admins and their team's manager, not to another team's manager or a viewer", async () => {
    const listed = async (user: PolicyUser) => (await listLeaversToHandOver(user, db.prisma)).find((leaver) => leaver.id === ravi)?.cells;
    expect(await listed(users.admin)).toBe(await heldByRavi());
    expect(await listed(users.ownManager)).toBe(await heldByRavi());
    expect(await listed(users.otherManager)).toBeUndefined();
    expect(await listed(users.viewer)).toBeUndefined();
  });

  it("refuses a manager of another team and a viewer, writing nothing", async () => {
    const input = await allTo("sarah.oconnell@example.org");
    const before = await counts();
    for (const [user, code] of [[users.otherManager, "forbidden"], [users.viewer, "forbidden"]] as const) {
      const error = await handOver(user, input).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(code);
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a successor who has left, writing nothing", async () => {
    const input = await allTo("sarah.oconnell@example.org");
    input.cells[0]!.successorId = ravi;
    const before = await counts();
    await expect(handOver(users.admin, input)).rejects.toMatchObject({ code: "invalid" });
    expect(await counts()).toEqual(before);
  });

  it("hands over a chosen part only, and reports a cell that changed meanwhile instead of writing it", async () => {
    const view = (await getSuccession(ravi, db.prisma))!;
    const [first, second] = view.assets.flatMap((asset) => asset.cells);
    const successorId = personId["sarah.oconnell@example.org"]!;
    // Someone else ends Ravi's assignment on the second cell after the page was loaded.
    await db.prisma.assignment.updateMany({
      where: { personId: ravi, endedAt: null, role: second!.role, asset: { key: second!.assetKey }, concern: { key: second!.concernKey } },
      data: { endedAt: new Date() },
    });
    const held = await heldByRavi();
    const result = await handOver(users.ownManager, {
      cells: [first!, second!].map(({ assetKey, concernKey, role }) => ({ assetKey, concernKey, role, successorId })),
    });
    expect(result.moved).toEqual([{ assetKey: first!.assetKey, concernKey: first!.concernKey, role: first!.role, successorId }]);
    expect(result.conflicts).toMatchObject([{ assetKey: second!.assetKey, concernKey: second!.concernKey, reason: expect.stringContaining("meanwhile") }]);
    expect(await heldByRavi()).toBe(held - 1);
  });

  it("reports a cell whose successor already holds that role there, and writes nothing for it", async () => {
    const [cell] = (await getSuccession(ravi, db.prisma))!.assets.flatMap((asset) => asset.cells);
    const teammate = await db.prisma.person.findFirstOrThrow({
      where: { team: { name: "Security & Infrastructure" }, deactivatedAt: null, email: { not: "sarah.oconnell@example.org" } },
    });
    const [asset, concern] = [await db.prisma.asset.findUniqueOrThrow({ where: { key: cell!.assetKey } }), await db.prisma.concern.findUniqueOrThrow({ where: { key: cell!.concernKey } })];
    await db.prisma.assignment.create({ data: { assetId: asset.id, concernId: concern.id, personId: teammate.id, role: cell!.role, source: "app" } });
    const before = await counts();
    const result = await handOver(users.admin, { cells: [{ assetKey: cell!.assetKey, concernKey: cell!.concernKey, role: cell!.role, successorId: teammate.id }] });
    expect(result).toEqual({ moved: [], conflicts: [expect.objectContaining({ reason: `${teammate.name} already holds ${cell!.role} here.` })] });
    expect(await counts()).toEqual(before);
  });

  it("hands every remaining cell over in one write, one audit event per change, and the departed-owner gaps close", async () => {
    const gapsOfRavi = async () =>
      (await loadSharedReport(db.prisma, {})).cells.filter(
        (cell) => cell.gaps.some((gap) => gap.type === "inactive-owner") && cell.holders.some((holder) => holder.personId === ravi && holder.role !== "C" && holder.role !== "I"),
      ).length;
    expect(await gapsOfRavi()).toBeGreaterThan(0);
    const input = await allTo("sarah.oconnell@example.org");
    const since = new Date();
    const result = await handOver(users.admin, input);
    expect(result.moved).toHaveLength(input.cells.length);
    expect(result.conflicts).toEqual([]);
    expect(await heldByRavi()).toBe(0);
    const events = await db.prisma.auditEvent.findMany({ where: { at: { gte: since } }, select: { action: true, entityId: true } });
    const cellIds = input.cells.map((cell) => `${cell.assetKey}/${cell.concernKey}`).sort();
    expect(events.filter((e) => e.action === "assignment.ended").map((e) => e.entityId).sort()).toEqual(cellIds);
    expect(events.filter((e) => e.action === "assignment.added").map((e) => e.entityId).sort()).toEqual(cellIds);
    expect(events.filter((e) => e.action === "person.cells-handed-over")).toHaveLength(1);
    expect(await gapsOfRavi()).toBe(0);
    expect((await getSuccession(ravi, db.prisma))!.cellCount).toBe(0);
    expect((await listLeaversToHandOver(users.admin, db.prisma)).map((leaver) => leaver.id)).not.toContain(ravi);
  });
});
