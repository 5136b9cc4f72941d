import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as createPerson } from "@/app/api/people/route";
import { POST as setPassword } from "@/app/api/people/[id]/password/route";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { useTestDatabase } from "@/tools/testing/test-database";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null, prisma: null as Db | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getPrisma: () => session.prisma,
}));

const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** The password rules of lib/auth/password-policy.ts, through the routes that set passwords. */
describe("setting a password through the people routes", () => {
  const db = useTestDatabase();
  let viewerId: number;
  beforeAll(async () => {
    session.prisma = db.prisma;
    const admin = await db.prisma.person.create({ data: { email: "admin@example.org", name: "Admin", role: "admin" } });
    session.user = { id: admin.id, email: admin.email, name: admin.name, role: "admin", teamId: null, teamName: null, teamFunction: null };
    viewerId = (await db.prisma.person.create({ data: { email: "viewer@example.org", name: "Viewer", role: "viewer" } })).id;
  });

  const set = (password: string) => setPassword(new Request(`http://localhost/api/people/${viewerId}/password`, json({ password })), { params: Promise.resolve({ id: String(viewerId) }) });

  it("refuses more than 72 bytes and common passwords with the reason on the field, and sets nothing", async () => {
    for (const [password, reason] of [
      ["violet kettle ferry ".padEnd(73, "x"), /^Use at most 72 bytes/],
      ["Password1234!", /among the first that anyone guesses/],
    ] as const) {
      const response = await set(password);
      expect(response.status).toBe(422);
      expect((await response.json()).fieldErrors.password[0]).toMatch(reason);
    }
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: viewerId } })).passwordHash).toBeNull();
  });

  it("explains a length the people schema refuses once, not twice", async () => {
    const response = await set("short");
    expect((await response.json()).fieldErrors.password).toEqual(["Use at least 12 characters."]);
  });

  it("sets a good password, hashed at cost 12", async () => {
    expect((await set("violet kettle ferry 42")).status).toBe(200);
    const { passwordHash } = await db.prisma.person.findUniqueOrThrow({ where: { id: viewerId } });
    expect(await bcrypt.compare("violet kettle ferry 42", passwordHash!)).toBe(true);
    expect(bcrypt.getRounds(passwordHash!)).toBe(12);
  });

  it("gives a new person's initial password cost 12 too", async () => {
    const body = { email: "initial@example.org", name: "Initial", role: "viewer", password: "violet kettle ferry 43" };
    const response = await createPerson(new Request("http://localhost/api/people", json(body)), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    const { passwordHash } = await db.prisma.person.findUniqueOrThrow({ where: { email: "initial@example.org" } });
    expect(bcrypt.getRounds(passwordHash!)).toBe(12);
  });

  it("refuses a common initial password for a new person, who is then not created", async () => {
    const body = { email: "new@example.org", name: "New", role: "viewer", password: "qwertyuiop123" };
    const response = await createPerson(new Request("http://localhost/api/people", json(body)), { params: Promise.resolve({}) });
    expect(response.status).toBe(422);
    expect(await db.prisma.person.count({ where: { email: "new@example.org" } })).toBe(0);
  });
});
