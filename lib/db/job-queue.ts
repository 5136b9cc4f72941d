import PgBoss from "pg-boss";

/**
 * The job queue, kept in PostgreSQL by pg-boss (its own schema, `pgboss`, which it creates and migrates itself
 * at start). Several app instances share it: a job is handed to one worker at a time (`SKIP LOCKED`), and one
 * whose worker died is retried once its expiry passes. pg-boss 10 is the last line that supports Node 20.
 */

export const SCHEDULED_MESSAGES_QUEUE = "scheduled-messages";

export async function startJobQueue(databaseUrl: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: "pgboss", application_name: "tandem-jobs", max: 3 });
  boss.on("error", (error: Error) => console.error(`[jobs] ${error.message}`));
  await boss.start();
  // "stately": at most one job per singleton key in each state, so planning again while a run waits queues
  // nothing. A run takes seconds; one not finished in ten minutes belongs to a worker that died.
  await boss.createQueue(SCHEDULED_MESSAGES_QUEUE, { name: SCHEDULED_MESSAGES_QUEUE, policy: "stately", retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInMinutes: 10 });
  return boss;
}

/** Makes the queue's jobs due at or before `at` due now, so that they run as if it were then; returns how many. */
export async function bringForwardJobs(databaseUrl: string, queue: string, at: Date): Promise<number> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query(`UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND state IN ('created', 'retry') AND start_after <= $2`, [queue, at]);
    return result.rowCount ?? 0;
  } finally {
    await client.end();
  }
}
