import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tools/testing/test-database";
import { clearDataVersionCache, KEPT_AT_MOST_MS, memoizeByDataVersion } from "./kept-figures";
import { NEW_DATABASE_EPOCH } from "@/lib/db/migrate";

describe("memoizeByDataVersion", () => {
  const db = useTestDatabase();
  beforeEach(() => clearDataVersionCache());

  it("computes once per data version, and again after a write is recorded", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    expect(await memoizeByDataVersion(db.prisma, "k", compute)).toBe(1);
    expect(await memoizeByDataVersion(db.prisma, "k", compute)).toBe(1);
    await db.prisma.auditEvent.create({ data: { action: "test.write", entityType: "test", entityId: "1" } });
    expect(await memoizeByDataVersion(db.prisma, "k", compute)).toBe(2);
    expect(await memoizeByDataVersion(db.prisma, "other", compute)).toBe(3);
  });

  it("never serves a value kept from before a restore, though the restored audit trail ends lower", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    const event = await db.prisma.auditEvent.create({ data: { action: "test.write", entityType: "test", entityId: "1" } });
    expect(await memoizeByDataVersion(db.prisma, "restored", compute)).toBe(1);
    // As a restore of an older backup leaves it: the newest event gone, so the highest id is lower than the kept value's.
    await db.prisma.auditEvent.delete({ where: { id: event.id } });
    expect(await memoizeByDataVersion(db.prisma, "restored", compute)).toBe(1);
    await db.prisma.$executeRawUnsafe(NEW_DATABASE_EPOCH);
    expect(await memoizeByDataVersion(db.prisma, "restored", compute)).toBe(2);
  });

  it("keeps no value past KEPT_AT_MOST_MS, whatever maximum age its caller asks for", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    const start = Date.now();
    const forever = { maxAgeMs: Number.POSITIVE_INFINITY };
    await memoizeByDataVersion(db.prisma, "forever", compute, { ...forever, now: start });
    expect(await memoizeByDataVersion(db.prisma, "forever", compute, { ...forever, now: start + KEPT_AT_MOST_MS - 1 })).toBe(1);
    // Far past it, the request waits for a fresh value rather than being served the old one.
    expect(await memoizeByDataVersion(db.prisma, "forever", compute, { ...forever, now: start + 5 * KEPT_AT_MOST_MS })).toBe(2);
  });

  it("answers a failed computation after a write with its error, and leaves no rejection unhandled", async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", listener);
    try {
      const options = { carryOver: () => null };
      await memoizeByDataVersion(db.prisma, "failing-after-write", async () => "first", options);
      await db.prisma.auditEvent.create({ data: { action: "test.write", entityType: "test", entityId: "1" } });
      await expect(memoizeByDataVersion(db.prisma, "failing-after-write", () => Promise.reject(new Error("database gone")), options)).rejects.toThrow("database gone");
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", listener);
    }
  });

  it("shares one computation between concurrent callers", async () => {
    let computed = 0;
    const compute = () => new Promise<number>((resolve) => setTimeout(() => resolve(++computed), 50));
    const values = await Promise.all([1, 2, 3].map(() => memoizeByDataVersion(db.prisma, "slow", compute)));
    expect(values).toEqual([1, 1, 1]);
  });

  it("past the maximum age serves the kept value while computing a fresh one, and forgets failures", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    const start = Date.now();
    await memoizeByDataVersion(db.prisma, "aged", compute, { now: start });
    expect(await memoizeByDataVersion(db.prisma, "aged", compute, { now: start + 29_000 })).toBe(1);
    expect(await memoizeByDataVersion(db.prisma, "aged", compute, { now: start + 31_000 })).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await memoizeByDataVersion(db.prisma, "aged", compute, { now: start + 32_000 })).toBe(2);
    expect(computed).toBe(2);

    await expect(memoizeByDataVersion(db.prisma, "failing", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await memoizeByDataVersion(db.prisma, "failing", async () => "recovered")).toBe("recovered");
  });

  it("carries a kept value over the writes since, when it can, and computes afresh when it cannot", async () => {
    let computed = 0;
    const seen: string[][] = [];
    const options = {
      carryOver: (previous: string, changes: { action: string }[]) => {
        seen.push(changes.map((change) => change.action));
        return changes.every((change) => change.action === "cell.small") ? `${previous}+${changes.length}` : null;
      },
    };
    const compute = async () => `full${++computed}`;
    expect(await memoizeByDataVersion(db.prisma, "carried", compute, options)).toBe("full1");
    await db.prisma.auditEvent.createMany({ data: [1, 2].map((n) => ({ action: "cell.small", entityType: "test", entityId: String(n) })) });
    expect(await memoizeByDataVersion(db.prisma, "carried", compute, options)).toBe("full1+2");
    await db.prisma.auditEvent.create({ data: { action: "catalog.big", entityType: "test", entityId: "3" } });
    expect(await memoizeByDataVersion(db.prisma, "carried", compute, options)).toBe("full2");
    expect(seen).toEqual([["cell.small", "cell.small"], ["catalog.big"]]);
  });

  it("notices a write whose id is below the newest one but which committed after it", async () => {
    const applied: string[] = [];
    const options = {
      carryOver: (previous: string[], changes: { action: string }[]) => {
        applied.push(...changes.map((change) => change.action));
        return [...previous, ...changes.map((change) => change.action)];
      },
    };
    await memoizeByDataVersion(db.prisma, "ordered", async () => [] as string[], options);
    const slowWrite = new pg.Client({ connectionString: db.url });
    await slowWrite.connect();
    try {
      await slowWrite.query("BEGIN");
      await slowWrite.query(`INSERT INTO "AuditEvent" (action, "entityType", "entityId") VALUES ('slow.write', 'test', '1')`);
      await db.prisma.auditEvent.create({ data: { action: "quick.write", entityType: "test", entityId: "2" } });
      expect(await memoizeByDataVersion(db.prisma, "ordered", async () => ["recomputed"], options)).toEqual(["quick.write"]);
      await slowWrite.query("COMMIT");
    } finally {
      await slowWrite.end();
    }
    // The newest id has not moved, yet the slow write is seen once it has committed.
    expect(await memoizeByDataVersion(db.prisma, "ordered", async () => ["recomputed"], options)).toEqual(["quick.write", "slow.write"]);
    expect(await memoizeByDataVersion(db.prisma, "ordered", async () => ["recomputed"], options)).toEqual(["quick.write", "slow.write"]);
    expect(applied).toEqual(["quick.write", "slow.write"]);
  });
});
