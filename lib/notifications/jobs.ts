import type PgBoss from "pg-boss";
import { SCHEDULED_MESSAGES_QUEUE } from "@/lib/db/job-queue";
import type { Db } from "@/lib/db/client";
import { isoWeekOf, shiftIsoWeek } from "@/lib/review/iso-week";
import { readReminderHoursBefore, readTimeZone } from "@/lib/settings/queries";
import { runScheduledJob, scheduledInstants, scheduledRunKey, type ScheduledJob } from "./weekly";

/**
 * The scheduled runs as jobs of the queue. The planner queues each run of this week and the next that is still
 * ahead (`startAfter` its instant, one job per run: the queue's singleton key refuses a second while one waits, and
 * a run done is recorded and not queued again), so a worker that was down at the instant runs it when it is back.
 */

/** Queues the runs of the weeks from `from`'s week through the week after `until`'s, those after `from` and not done yet. */
export async function planScheduledJobs(boss: PgBoss, db: Db, from: Date, until: Date = from): Promise<number> {
  const [timeZone, reminderHoursBefore] = await Promise.all([readTimeZone(db), readReminderHoursBefore(db)]);
  const weeks: string[] = [];
  const last = shiftIsoWeek(isoWeekOf(until, timeZone), 1);
  for (let week = isoWeekOf(from, timeZone); weeks.length < 60; week = shiftIsoWeek(week, 1)) {
    weeks.push(week);
    if (week === last) break;
  }
  const runs = weeks.flatMap((week) => scheduledInstants(week, timeZone, reminderHoursBefore)).filter((run) => run.at > from);
  const done = new Set((await db.scheduledRun.findMany({ where: { key: { in: runs.map((run) => scheduledRunKey(run.job)) } }, select: { key: true } })).map((row) => row.key));
  let queued = 0;
  for (const run of runs) {
    if (done.has(scheduledRunKey(run.job))) continue;
    const id = await boss.send(SCHEDULED_MESSAGES_QUEUE, run.job, { startAfter: run.at, singletonKey: scheduledRunKey(run.job) });
    if (id) queued++;
  }
  return queued;
}

/** Runs the queue's jobs that are due now (or brought forward), each as of `now`, until none is left; returns how many ran. */
export async function runQueuedJobs(boss: PgBoss, db: Db, now: () => Date): Promise<number> {
  let ran = 0;
  for (;;) {
    const jobs = await boss.fetch<ScheduledJob>(SCHEDULED_MESSAGES_QUEUE, { batchSize: 5 });
    if (jobs.length === 0) return ran;
    for (const job of jobs) {
      try {
        await runScheduledJob(job.data, now(), db);
        await boss.complete(SCHEDULED_MESSAGES_QUEUE, job.id);
        ran++;
      } catch (error) {
        await boss.fail(SCHEDULED_MESSAGES_QUEUE, job.id, { message: error instanceof Error ? error.message : String(error) });
      }
    }
  }
}
