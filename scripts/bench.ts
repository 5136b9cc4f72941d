/**
 * `npm run bench [-- --scale 0.1] [--runs 30] [--warmup 5] [--write-runs 10] [--cli-runs 3] [--trend-runs 5]
 *   [--floor-runs 10] [--seed N] [--port N] [--json]`: builds the synthetic organisation of issue 7 in a database of its own,
 * measures the production server against it, prints p50/p95 per screen, the SQL floor, the server's peak
 * memory and the targets. Exit code 0: every target met; 1: a target missed; 2: the bench failed; 130: interrupted.
 */
import { parseArgs } from "node:util";
import { Cleanup } from "@/lib/bench/cleanup";
import { formatBenchReport } from "@/lib/bench/output";
import { runBench, type BenchConfig } from "@/lib/bench/run-bench";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    runs: { type: "string", default: "30" },
    warmup: { type: "string", default: "5" },
    "write-runs": { type: "string", default: "10" },
    "cli-runs": { type: "string", default: "3" },
    "trend-runs": { type: "string", default: "5" },
    "floor-runs": { type: "string", default: "10" },
    seed: { type: "string", default: "20261123" },
    port: { type: "string" },
    json: { type: "boolean", default: false },
  },
});

function fail(message: string): never {
  console.error(`[bench] ${message}`);
  process.exit(2);
}

function count(name: keyof typeof values, minimum: number): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < minimum)
    fail(`--${name} must be a whole number of at least ${minimum}, not "${values[name]}".`);
  return value;
}

const scale = Number(values.scale);
if (!(scale > 0 && scale <= 10))
  fail(`--scale must be a number above 0 and at most 10, not "${values.scale}".`);
const config: BenchConfig = {
  scale,
  seed: count("seed", 0),
  runs: count("runs", 1),
  warmup: count("warmup", 0),
  writeRuns: count("write-runs", 1),
  cliRuns: count("cli-runs", 1),
  trendRuns: count("trend-runs", 1),
  floorRuns: count("floor-runs", 1),
  port: values.port === undefined ? undefined : count("port", 1),
};

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
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatBenchReport(report));
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
