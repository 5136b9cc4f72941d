import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tools/testing/test-database";
import { SESSION_ABSOLUTE_MAX_SECONDS } from "./auth.config";
import { revokeSession } from "./revoked-sessions";

describe("revoking a session at sign-out", () => {
  const db = useTestDatabase();
  let personId: number;
  beforeAll(async () => {
    personId = (await db.prisma.person.create({ data: { email: "ada@example.org", name: "Ada", role: "viewer" } })).id;
  });

  it("keeps the session's id until no copy of its cookie can be honoured, and drops ids already past that", async () => {
    const signedInAt = Date.parse("2026-11-20T09:00:00Z") / 1000;
    const day1 = new Date("2026-11-23T09:00:00Z");
    await revokeSession(db.prisma, { personId, sessionId: "session-a", signedInAt }, day1);
    const stored = await db.prisma.revokedSession.findUniqueOrThrow({ where: { sessionId: "session-a" } });
    expect(stored).toEqual({ sessionId: "session-a", personId, expiresAt: new Date((signedInAt + SESSION_ABSOLUTE_MAX_SECONDS) * 1000) });

    // Signing out twice (two tabs) is no error; once the first session could no longer be honoured it is dropped.
    await revokeSession(db.prisma, { personId, sessionId: "session-a", signedInAt }, day1);
    const later = new Date((signedInAt + SESSION_ABSOLUTE_MAX_SECONDS) * 1000 + 60_000);
    await revokeSession(db.prisma, { personId, sessionId: "session-b", signedInAt: later.getTime() / 1000 - 3600 }, later);
    expect((await db.prisma.revokedSession.findMany({ orderBy: { sessionId: "asc" } })).map((row) => row.sessionId)).toEqual(["session-b"]);
  });
});
