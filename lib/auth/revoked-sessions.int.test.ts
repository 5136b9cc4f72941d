import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/test-database";
import { SESSION_MAX_AGE_SECONDS } from "./auth.config";
import { revokeSession } from "./revoked-sessions";

describe("revoking a session at sign-out", () => {
  const db = useTestDatabase();
  let personId: number;
  beforeAll(async () => {
    personId = (await db.prisma.person.create({ data: { email: "ada@example.org", name: "Ada", role: "viewer" } })).id;
  });

  it("keeps the session's id until its cookie would have expired, and drops ids already past that", async () => {
    const day1 = new Date("2026-11-23T09:00:00Z");
    await revokeSession(db.prisma, personId, "session-a", day1);
    const stored = await db.prisma.revokedSession.findUniqueOrThrow({ where: { sessionId: "session-a" } });
    expect(stored).toEqual({ sessionId: "session-a", personId, expiresAt: new Date(day1.getTime() + SESSION_MAX_AGE_SECONDS * 1000) });

    // Signing out twice (two tabs) is no error; a day later the first id is gone, the new one kept.
    await revokeSession(db.prisma, personId, "session-a", day1);
    const day2 = new Date("2026-11-24T09:00:00Z");
    await revokeSession(db.prisma, personId, "session-b", day2);
    expect((await db.prisma.revokedSession.findMany({ orderBy: { sessionId: "asc" } })).map((row) => row.sessionId)).toEqual(["session-b"]);
  });
});
