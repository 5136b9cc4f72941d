import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as editCellRoute } from "@/app/api/cells/[assetKey]/[concernKey]/route";
import { POST as importRoute } from "@/app/api/import/route";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { countRows } from "@/tools/testing/import-files";
import { loadCellState } from "@/lib/ownership/cell-state";
import { crashOnInsert } from "@/tools/testing/crash-on-insert";
import { useTestDatabase } from "@/tools/testing/test-database";

/**
 * Multi-row writes through their real routes, with the database session dying in the middle (see
 * crashOnInsert): the route answers 503 and not one of the rows written before the crash remains. Once
 * the trap is gone the same request succeeds, on the same client: the broken connection was dropped.
 */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null, prisma: null as Db | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getPrisma: () => session.prisma,
}));

describe("a crash in the middle of a multi-row write", () => {
  const db = useTestDatabase();

  beforeAll(async () => {
    await seedDemoOrganisation(db.prisma);
    session.prisma = db.prisma;
    const admin = await db.prisma.person.findUniqueOrThrow({ where: { email: "admin@example.org" }, include: { team: true } });
    session.user = { id: admin.id, email: admin.email, name: admin.name, role: "admin", teamId: admin.teamId, teamName: admin.team?.name ?? null, teamFunction: admin.team?.function ?? null };
  });

  async function expectCrashLeavesNothing(table: string, nth: number, send: () => Promise<Response>) {
    const before = await countRows(db.prisma);
    const removeTrap = await crashOnInsert(db.prisma, table, nth);
    let crashed: Response;
    try {
      crashed = await send();
    } finally {
      await removeTrap();
    }
    expect(crashed.status).toBe(503);
    expect(await crashed.json()).toMatchObject({ ok: false, code: "unavailable" });
    expect(await countRows(db.prisma)).toEqual(before);
    const retried = await send();
    expect(retried.status, await retried.clone().text()).toBe(200);
    return { before, after: await countRows(db.prisma) };
  }

  it("in the cell editor: replacing the accountable owner and adding a responsible one", async () => {
    const cell = { assetKey: "careers-site", concernKey: "content" };
    const state = await loadCellState(db.prisma, cell.assetKey, cell.concernKey, new Date());
    const oldAccountable = state.holders.find((holder) => holder.role === "A")!;
    const personId = async (email: string) => (await db.prisma.person.findUniqueOrThrow({ where: { email } })).id;
    const body = JSON.stringify({
      expectedVersion: state.version,
      add: [
        { personId: await personId("oliver.grant@example.org"), role: "A" },
        { personId: await personId("mia.novak@example.org"), role: "R" },
      ],
      end: [oldAccountable.assignmentId],
    });
    const send = () =>
      editCellRoute(new Request("http://localhost/api/cells/careers-site/content", { method: "POST", headers: { "content-type": "application/json" }, body }), {
        params: Promise.resolve(cell),
      });

    // Audit events 1 and 2 (the end, the new A) and the new A itself are written when the third one crashes.
    const { before, after } = await expectCrashLeavesNothing("AuditEvent", 3, send);
    expect(after.assignments - before.assignments).toBe(2);
    expect(after.auditEvents - before.auditEvents).toBe(3);
    expect((await db.prisma.assignment.findUniqueOrThrow({ where: { id: oldAccountable.assignmentId } })).endedAt).not.toBeNull();
  });

  it("in an import: teams, people and assets written, the second assignment crashes", async () => {
    const form = new FormData();
    form.set("mode", "apply");
    form.set("people", ["email,name,team,function,role,active", "crash.one@example.org,Crash One,Crash Recovery,it,manager,true", "crash.two@example.org,Crash Two,Crash Recovery,it,none,true"].join("\n"));
    form.set("assets", ["key,name,kind,criticality,lifecycle,url,vendor", "crash-site,Crash site,website,high,active,,", "crash-store,Crash store,website,low,active,,"].join("\n"));
    form.set(
      "assignments",
      ["asset_key,concern_key,person_email,role,confirmed_at", "crash-site,content,crash.one@example.org,A,", "crash-site,hosting-uptime,crash.two@example.org,A,", "crash-store,content,crash.one@example.org,A,"].join("\n"),
    );
    const multipart = new Request("http://localhost/api/import", { method: "POST", body: form });
    const bytes = new Uint8Array(await multipart.arrayBuffer());
    const headers = { "content-type": multipart.headers.get("content-type")!, "content-length": String(bytes.byteLength) };
    const send = () => importRoute(new Request("http://localhost/api/import", { method: "POST", headers, body: bytes }));

    const { before, after } = await expectCrashLeavesNothing("Assignment", 2, send);
    expect(after).toMatchObject({ teams: before.teams + 1, people: before.people + 2, assets: before.assets + 2, assignments: before.assignments + 3 });
  });
});
