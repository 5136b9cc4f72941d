import { spawn } from "node:child_process";
import path from "node:path";
import type pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { clearCoverageTrendCache, loadCoverageTrend } from "@/lib/report/trend";
import type { CoverageFigure } from "@/lib/rules";
import type { HttpSession, TimedResponse } from "./http-session";

export const TREND_WEEKS = 52;

export interface PageSpec<Id extends string> {
  id: Id;
  path: string;
  session: HttpSession;
}

/**
 * Warms up, then requests each page `runs` times, one request at a time. The pages take turns, so a
 * burst of load from elsewhere on the machine spreads over all of them instead of spoiling one.
 * `beforeEach` (not timed) runs before every measured request.
 */
export async function measurePages<Id extends string>(
  pages: readonly PageSpec<Id>[],
  options: { warmup: number; runs: number; beforeEach?: () => Promise<void> },
  log: (message: string) => void,
): Promise<Record<Id, TimedResponse[]>> {
  for (let round = 0; round < options.warmup; round++) {
    for (const page of pages) await page.session.timedGet(page.path);
  }
  const samples = Object.fromEntries(pages.map((page) => [page.id, [] as TimedResponse[]])) as Record<
    Id,
    TimedResponse[]
  >;
  for (let round = 0; round < options.runs; round++) {
    for (const page of pages) {
      await options.beforeEach?.();
      samples[page.id].push(await page.session.timedGet(page.path));
    }
    if ((round + 1) % 10 === 0 || round + 1 === options.runs) log(`  ${round + 1}/${options.runs} rounds`);
  }
  return samples;
}

/**
 * What every write of the app does besides its change: record an audit event. That alone moves the data
 * version the app's caches are keyed on, without changing what the screens show.
 */
export async function recordBenchWrite(client: pg.Client): Promise<void> {
  await client.query(
    `INSERT INTO "AuditEvent" (action, "entityType", "entityId") VALUES ('bench.write', 'bench', 'bench')`,
  );
}

/** `npm run report -- --format json` start to finish, as someone at a terminal would wait for it. */
export async function measureReportCli(databaseUrl: string, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join("scripts", "report.ts"), "--format", "json"],
      {
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, DATABASE_URL: databaseUrl },
      },
    );
    let bytes = 0;
    let errors = "";
    child.stdout.on("data", (chunk: Buffer) => (bytes += chunk.length));
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString("utf8")));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    if (code !== 0 || bytes === 0)
      throw new Error(`npm run report failed (exit code ${code}): ${errors.trim().slice(-500)}`);
    samples.push(performance.now() - started);
  }
  return samples;
}

/**
 * The 52-week coverage trend in this process, through the report's own loader: cold (cache cleared
 * before each call) and cached. The first call is not counted, so that connecting and compiling the
 * code does not pass for the trend's cost. Also returns coverage now, to check the SQL floor against.
 */
export async function measureTrend(
  databaseUrl: string,
  runs: { cold: number; cached: number },
): Promise<{ cold: number[]; cached: number[]; now: CoverageFigure }> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    const timed = async () => {
      const started = performance.now();
      const points = await loadCoverageTrend(prisma, {}, TREND_WEEKS);
      return { ms: performance.now() - started, points };
    };
    clearCoverageTrendCache();
    await timed();
    const cold: number[] = [];
    for (let run = 0; run < runs.cold; run++) {
      clearCoverageTrendCache();
      cold.push((await timed()).ms);
    }
    const cached: number[] = [];
    let latest: CoverageFigure | undefined;
    for (let run = 0; run < runs.cached; run++) {
      const { ms, points } = await timed();
      cached.push(ms);
      latest = points.at(-1)!.overall;
    }
    return { cold, cached, now: latest! };
  } finally {
    clearCoverageTrendCache();
    await prisma.$disconnect();
  }
}
