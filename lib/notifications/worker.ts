import { createPrismaClient } from "@/lib/db/client";
import { SCHEDULED_MESSAGES_QUEUE, startJobQueue } from "@/lib/db/job-queue";
import type { ScheduledJob } from "./weekly";
import { runScheduledJob } from "./weekly";
import { planScheduledJobs } from "./jobs";
import { deliverDue } from "./outbox";

/**
 * The notifications worker: runs the scheduled jobs when they come due (pg-boss hands each to one worker of all
 * instances), plans the coming ones every quarter of an hour, and delivers the outbox every few seconds.
 * `npm start` runs one inside (unless TANDEM_WORKER=false); `npm run worker` runs one alone.
 */

const PLAN_EVERY_MS = 15 * 60_000;
const DELIVER_EVERY_MS = 5_000;

export interface Worker {
  stop(): Promise<void>;
}

export async function startNotificationWorker(databaseUrl: string, log: (line: string) => void): Promise<Worker> {
  const prisma = createPrismaClient(databaseUrl);
  const boss = await startJobQueue(databaseUrl);
  const plan = () => planScheduledJobs(boss, prisma, new Date()).catch((error: unknown) => log(`Planning the scheduled messages failed: ${String(error)}`));
  await plan();
  const planning = setInterval(plan, PLAN_EVERY_MS);
  await boss.work<ScheduledJob>(SCHEDULED_MESSAGES_QUEUE, { batchSize: 1, pollingIntervalSeconds: 15 }, async ([job]) => {
    await runScheduledJob(job!.data, new Date(), prisma);
  });
  // One delivery round at a time: a slow mail server must not pile rounds up.
  let delivering: Promise<unknown> = Promise.resolve();
  const delivery = setInterval(() => {
    delivering = delivering.then(() => deliverDue(prisma)).catch((error: unknown) => log(`Delivering notifications failed: ${String(error)}`));
  }, DELIVER_EVERY_MS);
  return {
    async stop() {
      clearInterval(planning);
      clearInterval(delivery);
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
      await delivering;
      await prisma.$disconnect();
    },
  };
}
