import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bringForwardJobs, SCHEDULED_MESSAGES_QUEUE, startJobQueue } from "@/lib/db/job-queue";
import { seedReviewFixture } from "@/tools/testing/review-fixture";
import { useTestDatabase } from "@/tools/testing/test-database";
import { planScheduledJobs, runQueuedJobs } from "./jobs";

/** The scheduled runs as pg-boss jobs, with two workers on one database: each run happens once. */
describe("scheduled jobs with two workers", () => {
  const db = useTestDatabase();
  const bosses: PgBoss[] = [];
  beforeAll(async () => {
    await seedReviewFixture(db.prisma);
  }, 60_000);
  afterAll(async () => {
    for (const boss of bosses) await boss.stop({ graceful: false, wait: true });
  });

  it("plans each run once however often it plans, and two workers run each due job once", async () => {
    const [first, second] = [await startJobQueue(db.url), await startJobQueue(db.url)];
    bosses.push(first, second);
    const from = new Date("2026-11-25T10:00:00Z");
    const monday = new Date("2026-11-30T09:00:00Z");
    // Week 48's reminder and overdue, week 49's four runs and week 50's four: planned once, whoever plans.
    expect(await planScheduledJobs(first, db.prisma, from, monday)).toBe(10);
    expect(await planScheduledJobs(second, db.prisma, from, monday)).toBe(0);
    // Due by Monday 09:00: week 48's reminder and overdue, week 49's opening and digest.
    expect(await bringForwardJobs(db.url, SCHEDULED_MESSAGES_QUEUE, monday)).toBe(4);
    const [ranByFirst, ranBySecond] = await Promise.all([runQueuedJobs(first, db.prisma, () => monday), runQueuedJobs(second, db.prisma, () => monday)]);
    expect(ranByFirst + ranBySecond).toBe(4);
    const managers = await db.prisma.person.count({ where: { role: "manager", deactivatedAt: null } });
    expect(await db.prisma.notification.count({ where: { kind: "week_opened", personId: { not: null } } })).toBe(managers);
    // Done runs are not planned again.
    expect(await planScheduledJobs(first, db.prisma, from, monday)).toBe(0);
  });
});
