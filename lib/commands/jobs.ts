import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db/client";
import { openCliDatabase } from "@/lib/db/cli-database";
import { bringForwardJobs, SCHEDULED_MESSAGES_QUEUE, startJobQueue } from "@/lib/db/job-queue";
import { planScheduledJobs, runQueuedJobs } from "@/lib/notifications/jobs";
import { deliverDue } from "@/lib/notifications/outbox";
import type { Output } from "./import-export";
import { prepareDatabase } from "./prepare-database";

const USAGE = "Usage: npm run jobs -- run-due [--at 2026-12-07T09:00:00Z]   (runs every scheduled job due at that instant, as if it were then, delivers what they send, and exits)";

/**
 * `npm run jobs -- run-due --at <instant>`: plays the scheduled messages up to an instant. It queues the runs
 * through the week after it (as the worker does), brings those due by then forward, runs each as of that
 * instant, delivers the outbox as of then, and exits. Tests and operators use it to play a week.
 */
export async function jobsCommand(args: string[], out: Output): Promise<number> {
  let at: Date;
  try {
    const { values, positionals } = parseArgs({ args, options: { at: { type: "string" } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1 || positionals[0] !== "run-due") throw new Error("Say what to do: run-due.");
    at = values.at === undefined ? new Date() : new Date(values.at);
    if (Number.isNaN(at.getTime()) || (values.at !== undefined && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(values.at))) {
      throw new Error(`--at must be an instant with its offset, such as 2026-12-07T09:00:00Z, not "${values.at}".`);
    }
  } catch (error) {
    out.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 1;
  }
  const database = await openCliDatabase();
  try {
    await prepareDatabase(database.url, { seedDemo: false });
    const prisma = createPrismaClient(database.url);
    const boss = await startJobQueue(database.url);
    try {
      // From a week before: a run of the week that was never done (the worker was not running then) is due too.
      await planScheduledJobs(boss, prisma, new Date(at.getTime() - 7 * 24 * 3_600_000), at);
      await bringForwardJobs(database.url, SCHEDULED_MESSAGES_QUEUE, at);
      const ran = await runQueuedJobs(boss, prisma, () => at);
      const delivered = await deliverDue(prisma, { now: at });
      out.log(`As of ${at.toISOString()}: ran ${ran} scheduled job${ran === 1 ? "" : "s"}; delivered ${delivered.sent}, ${delivered.retrying} to retry, ${delivered.failed} failed.`);
      return 0;
    } finally {
      await boss.stop({ graceful: false, wait: true });
      await prisma.$disconnect();
    }
  } finally {
    await database.release();
  }
}
