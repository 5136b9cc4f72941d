import { randomBytes } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { readEnvironment } from "@/lib/config/environment";
import { findFreePort } from "@/lib/db/embedded";
import { DEMO_PASSWORD } from "@/lib/demo/demo-catalog";
import { launchAppServer } from "@/tools/harness/app-server";
import type { Cleanup } from "./cleanup";
import { createBenchDatabase } from "./database";
import { measureCoverageFloor, type FloorResult } from "./floor";
import { HttpSession, type TimedResponse } from "./http-session";
import { loadBenchOrganisation, type LoadedOrganisation } from "./load-organisation";
import { CellWriter, measurePages, measureReportCli, measureTrend } from "./measure";
import { MemorySampler } from "./memory";
import { ensureProductionBuild } from "./build";
import { percentile, summarize } from "./stats";
import { chooseSubjects, type BenchSubjects } from "./subjects";
import { evaluateTargets, type BenchMeasurements, type ScreenTimings, type TargetResult } from "./targets";

type ScreenId = "home" | "matrix" | "review" | "report" | "csv";

export interface BenchConfig {
  scale: number;
  seed: number;
  /** Measured requests per screen with warm caches; also the number of cached trend calls. */
  runs: number;
  warmup: number;
  /** Measured requests per screen right after a write. */
  writeRuns: number;
  cliRuns: number;
  trendRuns: number;
  floorRuns: number;
  port?: number;
}

export interface BenchReport {
  date: string;
  machine: { cores: number; cpu: string; memoryGb: number; loadBefore: number[]; loadAfter: number[] };
  config: BenchConfig;
  build: "current" | "built" | "kept-stale";
  database: { where: string; loadSeconds: number; counts: LoadedOrganisation["counts"] };
  subjects: BenchSubjects;
  paths: Record<ScreenId, string>;
  /** The median size of each response, in bytes: a large page costs rendering and transfer time. */
  responseBytes: Record<ScreenId, number>;
  measurements: BenchMeasurements;
  floor: FloorResult;
  /** Coverage now as the app computes it (the trend's last point): the floor must compute the same. */
  appCoverage: { inScope: number; covered: number };
  targets: TargetResult[];
}

/**
 * The whole bench: build if needed, a fresh database with the synthetic organisation, the production
 * server on it, the screens over HTTP signed in, the report command, the SQL floor and the trend.
 * Everything it starts is registered with `cleanup`, which the caller runs however the bench ends.
 */
export async function runBench(
  config: BenchConfig,
  cleanup: Cleanup,
  log: (message: string) => void,
): Promise<BenchReport> {
  const loadBefore = os.loadavg();
  const build = await ensureProductionBuild(log, (child) => cleanup.addChild("stop the build", child));

  const { DATABASE_URL: serverUrl } = readEnvironment();
  log(`Creating the bench database (${serverUrl ? "on DATABASE_URL's server" : "embedded PostgreSQL"}) ...`);
  const database = await createBenchDatabase(serverUrl);
  cleanup.add("remove the bench database", () => database.dispose());
  const loaded = await loadBenchOrganisation(
    database.url,
    { scale: config.scale, seed: config.seed, now: new Date() },
    log,
  );
  log(`Loaded in ${loaded.seconds.toFixed(1)} s: ${JSON.stringify(loaded.counts)}`);
  const subjects = chooseSubjects(loaded.organisation);

  const port = config.port ?? (await findFreePort());
  log(`Starting the production server on port ${port} ...`);
  // Exactly as deployed against a DATABASE_URL: no demo data, migrations already applied, the build as measured.
  const server = launchAppServer({
    port,
    env: { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString("base64"), TANDEM_DEMO: "false", TANDEM_SKIP_BUILD: "true" },
    timeoutMs: 180_000,
  });
  cleanup.add("stop the server", () => server.stop());
  await server.ready;
  const admin = new HttpSession(server.origin);
  const manager = new HttpSession(server.origin);
  await admin.signIn(subjects.adminEmail, DEMO_PASSWORD);
  await manager.signIn(subjects.largestTeam.managerEmail, DEMO_PASSWORD);

  const paths = {
    home: "/",
    matrix: `/matrix?team=${subjects.largestTeam.id}`,
    review: "/review",
    report: "/report",
    csv: "/api/report/export",
  };
  const screens = [
    { id: "home", path: paths.home, session: admin },
    { id: "matrix", path: paths.matrix, session: admin },
    { id: "review", path: paths.review, session: manager },
    { id: "report", path: paths.report, session: admin },
    { id: "csv", path: paths.csv, session: admin },
  ] as const;
  const sampler = new MemorySampler(server.pid);
  sampler.start();
  log(`Measuring the screens: ${config.warmup} warm-up and ${config.runs} measured rounds ...`);
  const steady = await measurePages(screens, config, log);
  log(`Measuring each screen right after a write: ${config.writeRuns} rounds ...`);
  const afterWrite = await withClient(database.url, async (client) => {
    const writer = await CellWriter.forTeam(admin, client, subjects.largestTeam.id);
    return measurePages(screens, { warmup: 0, runs: config.writeRuns, beforeEach: () => writer.write() }, log);
  });
  const peakMemoryBytes = sampler.stop();
  await server.stop();

  log(`Timing npm run report -- --format json (${config.cliRuns} runs) ...`);
  const reportJsonCli = await measureReportCli(database.url, config.cliRuns);
  log(`Timing the SQL floor (best of ${config.floorRuns}) and the 52-week trend ...`);
  const floor = await withClient(database.url, (client) => measureCoverageFloor(client, config.floorRuns));
  const trend = await measureTrend(database.url, { cold: config.trendRuns, cached: config.runs });

  const measurements: BenchMeasurements = {
    steady: summarizeScreens(steady),
    afterWrite: summarizeScreens(afterWrite),
    reportJsonCli: summarize(reportJsonCli),
    trendCold: summarize(trend.cold),
    trendCached: summarize(trend.cached),
    floorMs: floor.bestMs,
    peakMemoryBytes,
  };
  return {
    date: new Date().toISOString(),
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? "unknown",
      memoryGb: Math.round(os.totalmem() / 1024 ** 3),
      loadBefore,
      loadAfter: os.loadavg(),
    },
    config,
    build,
    database: { where: database.where, loadSeconds: loaded.seconds, counts: loaded.counts },
    subjects,
    paths,
    responseBytes: {
      home: medianBytes(steady.home),
      matrix: medianBytes(steady.matrix),
      review: medianBytes(steady.review),
      report: medianBytes(steady.report),
      csv: medianBytes(steady.csv),
    },
    measurements,
    floor,
    appCoverage: { inScope: trend.now.inScope, covered: trend.now.covered },
    targets: evaluateTargets(measurements),
  };
}

function summarizeScreens(samples: Record<ScreenId, TimedResponse[]>): ScreenTimings {
  const totals = (id: ScreenId) => summarize(samples[id].map((sample) => sample.totalMs));
  return {
    home: totals("home"),
    matrix: totals("matrix"),
    review: totals("review"),
    report: totals("report"),
    csvFirstByte: summarize(samples.csv.map((sample) => sample.firstByteMs)),
    csvTotal: totals("csv"),
  };
}

function medianBytes(samples: { bytes: number }[]): number {
  return percentile(
    samples.map((sample) => sample.bytes),
    50,
  );
}

async function withClient<Result>(
  url: string,
  work: (client: pg.Client) => Promise<Result>,
): Promise<Result> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
