import { z } from "zod";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { anySignedIn } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { useTestDatabase } from "@/tools/testing/test-database";
import { writeRoute } from "./write-route";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null, prisma: null as Db | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getPrisma: () => session.prisma,
}));

const send = (route: (request: Request) => Promise<Response>) =>
  route(new Request("http://localhost/api/test", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Audited" }) }));

describe("the write wrapper", () => {
  const db = useTestDatabase();
  const schema = z.object({ name: z.string().max(50) });

  beforeAll(async () => {
    session.prisma = db.prisma;
    const person = await db.prisma.person.create({ data: { email: "writer@example.org", name: "Writer", role: "admin" } });
    session.user = { id: person.id, email: person.email, name: person.name, role: "admin", teamId: null, teamName: null, teamFunction: null };
  });

  it("refuses, and rolls back, a write that changed data without recording its audit event", async () => {
    const unaudited = writeRoute({ schema, policy: anySignedIn, handle: ({ tx, input }) => tx.team.create({ data: { name: `${input.name} team`, function: "it" } }) });
    const response = await send(unaudited);
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ ok: false, code: "internal" });
    expect(await db.prisma.team.count({ where: { name: "Audited team" } })).toBe(0);
  });

  it("commits a write that recorded its audit event, and one that wrote nothing at all, locks included", async () => {
    const audited = writeRoute({
      schema,
      policy: anySignedIn,
      handle: async ({ tx, input, audit }) => {
        const team = await tx.team.create({ data: { name: `${input.name} team`, function: "it" } });
        await audit({ action: "team.created", entityType: "team", entityId: team.id, after: team });
        return team.id;
      },
    });
    expect((await send(audited)).status).toBe(200);
    expect(await db.prisma.team.count({ where: { name: "Audited team" } })).toBe(1);
    const readOnly = writeRoute({ schema, policy: anySignedIn, handle: ({ tx }) => tx.team.count() });
    expect((await send(readOnly)).status).toBe(200);
    // A row locked and left as it was (a review's "undo" on an undecided cell) is no change either.
    const lockOnly = writeRoute({ schema, policy: anySignedIn, handle: ({ tx }) => tx.$queryRaw`SELECT id FROM "Team" FOR UPDATE` });
    expect((await send(lockOnly)).status).toBe(200);
  });
});
