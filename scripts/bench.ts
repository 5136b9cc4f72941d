/**
 * `npm run bench [-- --scale 0.1] [--runs 30] [--warmup 5] [--write-runs 10] [--cli-runs 3] [--trend-runs 5]
 *   [--floor-runs 10] [--seed N] [--port N] [--json]`: builds the synthetic organisation of issue 7 in a database of its own,
 * measures the production server against it, prints p50/p95 per screen, the SQL floor, the server's peak
 * memory and the targets. Exit code 0: every target met; 1: a target missed; 2: the bench failed; 130: interrupted.
 */
import { Cleanup } from "@/tools/bench/cleanup";
import { parseBenchArgs } from "@/tools/bench/options";
import { formatBenchReport } from "@/tools/bench/output";
import { runBench, type BenchConfig } from "@/tools/bench/run-bench";

let options: BenchConfig & { json: boolean };
try {
  options = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
const { json, ...config } = options;

const log = (message: string) => console.error(`[bench] ${message}`);
const cleanup = new Cleanup();

async function finish(exitCode: number): Promise<never> {
  for (const problem of await cleanup.run()) log(problem);
  process.exit(exitCode);
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    // npm passes Ctrl-C on to us as well: the second signal of the same interruption says nothing new.
    if (interrupted) return;
    interrupted = true;
    log(`${signal}: stopping the server and removing the bench database ...`);
    void finish(130);
  });
}

try {
  const report = await runBench(config, cleanup, log);
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatBenchReport(report));
  const agree =
    report.appCoverage.inScope === report.floor.inScope &&
    report.appCoverage.covered === report.floor.covered;
  if (!agree)
    log(
      "The SQL floor and the app disagree on coverage: the floor query or the rules are wrong, so the ratios mean nothing.",
    );
  await finish(!agree ? 2 : report.targets.every((target) => target.pass) ? 0 : 1);
} catch (error) {
  // Once interrupted, requests fail because the server is being stopped: that is not the bench failing.
  if (!interrupted) log(`Failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await finish(interrupted ? 130 : 2);
}
