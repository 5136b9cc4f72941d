import { beforeAll, describe, expect, it, vi } from "vitest";
import { PATCH as updatePersonRoute } from "@/app/api/people/[id]/route";
import { POST as setPasswordRoute } from "@/app/api/people/[id]/password/route";
import { POST as deactivateRoute } from "@/app/api/people/[id]/deactivate/route";
import { POST as reactivateRoute } from "@/app/api/people/[id]/reactivate/route";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { runImport } from "@/lib/import-export/run-import";
import { csvFile } from "@/tools/testing/import-files";
import { useTestDatabase } from "@/tools/testing/test-database";
import { isSessionCurrent } from "./session-validity";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null, prisma: null as Db | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getPrisma: () => session.prisma,
}));

type Route = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

/**
 * Issue 14, point 6: reactivating a person, setting their password or changing their role ends the sessions
 * they had before (the person's `sessionsValidAfter` against the session's sign-in time, which
 * lib/auth/session.ts compares on every request); other edits leave them alone.
 */
describe("what ends a person's earlier sessions", () => {
  const db = useTestDatabase();
  let personId: number;
  let teamId: number;

  const send = async (route: Route, method: string, body: unknown) => {
    const request = new Request(`http://localhost/api/people/${personId}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const response = await route(request, { params: Promise.resolve({ id: String(personId) }) });
    expect(response.status, await response.clone().text()).toBe(200);
  };
  const person = () => db.prisma.person.findUniqueOrThrow({ where: { id: personId } });
  /** A session signed in `secondsAgo` before now: honoured or not, as lib/auth/session.ts decides. */
  const sessionFromBefore = async (secondsAgo = 5) => isSessionCurrent(Math.floor(Date.now() / 1000) - secondsAgo, (await person()).sessionsValidAfter);
  const sessionFromNow = async () => isSessionCurrent(Math.floor(Date.now() / 1000), (await person()).sessionsValidAfter);
  const edit = async (changes: { name?: string; role?: "admin" | "manager" | "viewer" }) => {
    const current = await person();
    await send(updatePersonRoute, "PATCH", { name: changes.name ?? current.name, teamId, role: changes.role ?? current.role, updatedAt: current.updatedAt.toISOString() });
  };

  beforeAll(async () => {
    session.prisma = db.prisma;
    const admin = await db.prisma.person.create({ data: { email: "admin@example.org", name: "Admin", role: "admin" } });
    session.user = { id: admin.id, email: admin.email, name: admin.name, role: "admin", teamId: null, teamName: null, teamFunction: null };
    teamId = (await db.prisma.team.create({ data: { name: "Web Platform", function: "it" } })).id;
    personId = (await db.prisma.person.create({ data: { email: "sam@example.org", name: "Sam", role: "viewer", teamId } })).id;
  });

  it("leaves sessions alone while nothing of the kind happened, and on an edit of the name", async () => {
    expect(await sessionFromBefore(3_600)).toBe(true);
    await edit({ name: "Sam Smith" });
    expect((await person()).sessionsValidAfter).toBeNull();
    expect(await sessionFromBefore()).toBe(true);
  });

  it("ends them when the person gets another role, not later sessions", async () => {
    await edit({ role: "manager" });
    expect(await sessionFromBefore()).toBe(false);
    expect(await sessionFromNow()).toBe(true);
  });

  it("ends them when the person's password is set", async () => {
    await db.prisma.person.update({ where: { id: personId }, data: { sessionsValidAfter: null } });
    await send(setPasswordRoute, "POST", { password: "violet kettle ferry 42" });
    expect(await sessionFromBefore()).toBe(false);
    expect(await sessionFromNow()).toBe(true);
  });

  it("ends them when the person is reactivated: a session from before they left does not come back", async () => {
    await send(deactivateRoute, "POST", {});
    await db.prisma.person.update({ where: { id: personId }, data: { sessionsValidAfter: null } });
    await send(reactivateRoute, "POST", {});
    expect(await sessionFromBefore()).toBe(false);
    expect(await sessionFromNow()).toBe(true);
  });

  it("ends them when an import reactivates the person or changes their role, not when it changes their name", async () => {
    const importPeople = (line: string) =>
      db.prisma.$transaction((tx) => runImport(tx, null, csvFile("people", ["email,name,team,function,role,active", line]), "apply"), { timeout: 30_000 });
    await db.prisma.person.update({ where: { id: personId }, data: { sessionsValidAfter: null } });
    await importPeople("sam@example.org,Sam S.,Web Platform,it,manager,true");
    expect((await person()).sessionsValidAfter).toBeNull();
    await importPeople("sam@example.org,Sam S.,Web Platform,it,viewer,true");
    expect(await sessionFromBefore()).toBe(false);

    await importPeople("sam@example.org,Sam S.,Web Platform,it,viewer,false");
    await db.prisma.person.update({ where: { id: personId }, data: { sessionsValidAfter: null } });
    await importPeople("sam@example.org,Sam S.,Web Platform,it,viewer,true");
    expect(await sessionFromBefore()).toBe(false);
  });
});
