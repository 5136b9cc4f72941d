/**
 * `npm run worker`: the notifications worker alone (scheduled messages and the outbox), on DATABASE_URL or the
 * embedded database of a running `npm start`. Run it beside app instances started with TANDEM_WORKER=false.
 */
import { openCliDatabase } from "@/lib/db/cli-database";
import { startNotificationWorker } from "@/lib/notifications/worker";

const log = (line: string) => console.log(`[worker] ${line}`);
const database = await openCliDatabase();
const worker = await startNotificationWorker(database.url, log);
log("Running: scheduled messages and deliveries. Ctrl-C to stop.");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await worker.stop();
    await database.release();
    process.exit(0);
  });
}
