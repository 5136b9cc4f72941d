/**
 * `npm run loadtest [-- --users 50 --duration 60 --url http://host:port]`: signs in concurrent managers
 * and viewers of the demo organisation, runs a mix of page views, cell edits and review decisions, and
 * reports requests per second and latency percentiles. It fails (exit code 1) on any 5xx, any request
 * without an answer, or an acknowledged write missing from the database.
 *
 * Without --url it runs against a server of its own (throwaway embedded database, demo organisation)
 * and stops it at the end. With --url the database check needs that server's DATABASE_URL.
 */
import { rm } from "node:fs/promises";
import { readEnvironment } from "@/lib/config/environment";
import { LOADTEST_USAGE, parseLoadTestArgs, type LoadTestOptions } from "@/tools/loadtest/options";
import { tail } from "@/tools/harness/app-server";
import { OwnServer } from "@/tools/loadtest/own-server";
import { formatReport } from "@/tools/loadtest/report";
import { runLoadTest } from "@/tools/loadtest/run-load-test";

let server: OwnServer | undefined;

async function main(options: LoadTestOptions): Promise<number> {
  let origin = options.url;
  let databaseUrl = readEnvironment().DATABASE_URL ?? null;
  let skipped: string | null = null;
  if (origin) {
    if (!databaseUrl) skipped = "set DATABASE_URL to the server's database to check the writes";
  } else {
    server = new OwnServer();
    ({ origin, databaseUrl } = await server.start(log));
  }
  const result = await runLoadTest({
    origin,
    users: options.users,
    durationSeconds: options.durationSeconds,
    databaseUrl,
    log,
  });
  console.log(`\n${formatReport(result, origin, skipped)}`);
  if (server && result.failures.length)
    console.log(`\nThe server's output is in ${server.logFile}; its end:\n${tail(server.logFile)}`);
  else if (server) await rm(server.logFile, { force: true });
  return result.failures.length ? 1 : 0;
}

function log(line: string) {
  console.log(`[loadtest] ${line}`);
}

async function finish(exitCode: number) {
  await server?.stop();
  process.exit(exitCode);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the server and its database ...`);
    void finish(130);
  });
}

if (process.argv.includes("--help")) {
  console.log(LOADTEST_USAGE);
  process.exit(0);
}
let options: LoadTestOptions;
try {
  options = parseLoadTestArgs(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(LOADTEST_USAGE);
  process.exit(2);
}
main(options).then(finish, async (error: unknown) => {
  console.error(`[loadtest] ${error instanceof Error ? error.message : String(error)}`);
  await finish(1);
});
