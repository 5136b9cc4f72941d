import bcrypt from "bcryptjs";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/tools/testing/test-database";
import { attemptSignIn } from "./credentials";
import { PASSWORD_HASH_COST } from "./password-policy";

const PASSWORD = "correct horse battery staple";

describe("signing in", () => {
  const db = useTestDatabase();
  beforeAll(async () => {
    const team = await db.prisma.team.create({ data: { name: "Web Platform", function: "it" } });
    const passwordHash = await bcrypt.hash(PASSWORD, PASSWORD_HASH_COST);
    await db.prisma.person.createMany({
      data: [
        { email: "ada@example.org", name: "Ada", role: "manager", teamId: team.id, passwordHash },
        { email: "bo@example.org", name: "Bo", role: "viewer", teamId: team.id, passwordHash },
        { email: "left@example.org", name: "Left", role: "manager", teamId: team.id, passwordHash, deactivatedAt: new Date() },
        { email: "none@example.org", name: "No role", role: "none", teamId: team.id, passwordHash },
        { email: "sso-only@example.org", name: "SSO only", role: "viewer", teamId: team.id, passwordHash: null },
        { email: "old-hash@example.org", name: "Old hash", role: "viewer", teamId: team.id, passwordHash: await bcrypt.hash(PASSWORD, 10) },
      ],
    });
  });
  beforeEach(async () => {
    await db.prisma.signInFailure.deleteMany();
  });

  it("signs in an active person with the right password", async () => {
    const outcome = await attemptSignIn(db.prisma, { email: "ADA@example.org", password: PASSWORD }, "10.0.0.1");
    expect(outcome).toMatchObject({ kind: "signed-in", person: { email: "ada@example.org" } });
  });

  it("brings a hash of an older, cheaper cost up to cost 12 at sign-in, without touching the person's version", async () => {
    const hashOf = async () => (await db.prisma.person.findUniqueOrThrow({ where: { email: "old-hash@example.org" }, select: { passwordHash: true, updatedAt: true } }));
    const before = await hashOf();
    expect((await attemptSignIn(db.prisma, { email: "old-hash@example.org", password: "wrong" }, "10.0.8.1")).kind).toBe("refused");
    expect(await hashOf()).toEqual(before);
    expect((await attemptSignIn(db.prisma, { email: "old-hash@example.org", password: PASSWORD }, "10.0.8.1")).kind).toBe("signed-in");
    const after = await hashOf();
    expect(bcrypt.getRounds(after.passwordHash!)).toBe(12);
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect((await attemptSignIn(db.prisma, { email: "old-hash@example.org", password: PASSWORD }, "10.0.8.1")).kind).toBe("signed-in");
  });

  it("refuses deactivated people and people without a role, even with the right password", async () => {
    expect(await attemptSignIn(db.prisma, { email: "left@example.org", password: PASSWORD }, "10.0.0.1")).toEqual({ kind: "refused" });
    expect(await attemptSignIn(db.prisma, { email: "none@example.org", password: PASSWORD }, "10.0.0.1")).toEqual({ kind: "refused" });
  });

  it("refuses a person without a password (they sign in through SSO), whatever is typed", async () => {
    // The phrase behind the dummy hash that unknown accounts are compared against must not open an account.
    for (const password of ["no such account", PASSWORD, ""]) {
      expect(await attemptSignIn(db.prisma, { email: "sso-only@example.org", password }, "10.0.5.1")).toEqual({ kind: "refused" });
    }
  });

  it("throttles an account after 5 failures, even with the right password, from any client", async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await attemptSignIn(db.prisma, { email: "ada@example.org", password: "wrong" }, `10.0.1.${attempt}`)).toEqual({ kind: "refused" });
    }
    const throttled = await attemptSignIn(db.prisma, { email: "ada@example.org", password: PASSWORD }, "10.0.2.1");
    expect(throttled.kind).toBe("throttled");
    expect(throttled.kind === "throttled" && throttled.retryAfterMs).toBeGreaterThan(14 * 60_000);
    // Another account is not affected, and the window passing lets Ada in again.
    expect((await attemptSignIn(db.prisma, { email: "bo@example.org", password: PASSWORD }, "10.0.2.1")).kind).toBe("signed-in");
    const later = new Date(Date.now() + 16 * 60_000);
    expect((await attemptSignIn(db.prisma, { email: "ada@example.org", password: PASSWORD }, "10.0.2.1", later)).kind).toBe("signed-in");
  });

  describe("under attempts sent together", () => {
    afterEach(() => vi.restoreAllMocks());

    it("compares at most 5 passwords of 50 parallel guesses for one account, from one client or many", async () => {
      const compare = vi.spyOn(bcrypt, "compare");
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, (_, attempt) => attemptSignIn(db.prisma, { email: "ada@example.org", password: `guess ${attempt}` }, `10.0.6.${attempt}`)),
      );
      expect(compare).toHaveBeenCalledTimes(5);
      expect(outcomes.filter((outcome) => outcome.kind === "refused")).toHaveLength(5);
      expect(outcomes.filter((outcome) => outcome.kind === "throttled")).toHaveLength(45);
      expect(await db.prisma.signInFailure.count({ where: { key: "account:ada@example.org" } })).toBe(5);
    });

    it("does not count a successful sign-in against its client", async () => {
      await Promise.all(Array.from({ length: 5 }, () => attemptSignIn(db.prisma, { email: "bo@example.org", password: PASSWORD }, "10.0.7.1")));
      expect(await db.prisma.signInFailure.count()).toBe(0);
    });
  });

  it("throttles an unknown account exactly like a real one, so throttling reveals nothing", async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await attemptSignIn(db.prisma, { email: "nobody@example.org", password: "guess" }, `10.0.3.${attempt}`);
    }
    expect((await attemptSignIn(db.prisma, { email: "nobody@example.org", password: "guess" }, "10.0.3.9")).kind).toBe("throttled");
  });

  it("throttles a client that tries many accounts", async () => {
    for (let attempt = 0; attempt < 30; attempt += 1) {
      await attemptSignIn(db.prisma, { email: `guess${attempt}@example.org`, password: "guess" }, "192.0.2.50");
    }
    expect((await attemptSignIn(db.prisma, { email: "bo@example.org", password: PASSWORD }, "192.0.2.50")).kind).toBe("throttled");
    expect((await attemptSignIn(db.prisma, { email: "bo@example.org", password: PASSWORD }, "192.0.2.51")).kind).toBe("signed-in");
  });

  it("forgives an account's failures after it signs in", async () => {
    for (let attempt = 0; attempt < 4; attempt += 1) await attemptSignIn(db.prisma, { email: "ada@example.org", password: "wrong" }, "10.0.4.1");
    expect((await attemptSignIn(db.prisma, { email: "ada@example.org", password: PASSWORD }, "10.0.4.1")).kind).toBe("signed-in");
    await attemptSignIn(db.prisma, { email: "ada@example.org", password: "wrong" }, "10.0.4.1");
    expect((await attemptSignIn(db.prisma, { email: "ada@example.org", password: PASSWORD }, "10.0.4.1")).kind).toBe("signed-in");
  });

  it("takes as long for an unknown email as for a wrong password", async () => {
    const time = async (email: string) => {
      const started = performance.now();
      await attemptSignIn(db.prisma, { email, password: "wrong" }, null);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    // Failures are cleared between rounds so throttling never cuts an attempt short.
    for (let round = 0; round < 4; round += 1) {
      await db.prisma.signInFailure.deleteMany();
      known.push(await time("bo@example.org"));
      unknown.push(await time(`ghost${round}@example.org`));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});
