import { spawn } from "node:child_process";
import path from "node:path";
import type pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { clearDataVersionCache } from "@/lib/cache/kept-figures";
import { cellVersion } from "@/lib/ownership/cell-version";
import { clearCoverageTrendCache, loadCoverageTrend } from "@/lib/report/trend";
import type { CoverageFigure } from "@/lib/rules";
import type { HttpSession, TimedResponse } from "./http-session";
import { TSX_NODE_ARGS } from "@/lib/commands/next-process";

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
 * The everyday write of the app, through its own route as a person makes it in the matrix: on one cell
 * of the largest team, a consulted (C) holder is added, and ended by the next call. Every screen
 * measured after it must show the cell as it now is.
 */
export class CellWriter {
  private added: number | null = null;

  constructor(
    private readonly session: HttpSession,
    private readonly client: pg.Client,
    private readonly cell: { assetId: number; concernId: number; assetKey: string; concernKey: string; personId: number },
  ) {}

  static async forTeam(session: HttpSession, client: pg.Client, teamId: number): Promise<CellWriter> {
    const { rows } = await client.query<{ assetId: number; concernId: number; assetKey: string; concernKey: string; personId: number }>(
      `SELECT x."assetId", x."concernId", a.key AS "assetKey", c.key AS "concernKey",
              (SELECT p.id FROM "Person" p WHERE p."teamId" = $1 AND p."deactivatedAt" IS NULL
                 AND NOT EXISTS (SELECT 1 FROM "Assignment" y WHERE y."assetId" = x."assetId" AND y."concernId" = x."concernId" AND y."personId" = p.id AND y."endedAt" IS NULL)
               ORDER BY p.id LIMIT 1) AS "personId"
       FROM "Assignment" x JOIN "Person" holder ON holder.id = x."personId" JOIN "Asset" a ON a.id = x."assetId" JOIN "Concern" c ON c.id = x."concernId"
       WHERE holder."teamId" = $1 AND x.role = 'A' AND x."endedAt" IS NULL AND a.lifecycle <> 'retired'
       ORDER BY a.key, c.key LIMIT 1`,
      [teamId],
    );
    const cell = rows[0];
    if (!cell?.personId) throw new Error(`The bench found no cell of team ${teamId} to write to.`);
    return new CellWriter(session, client, cell);
  }

  async write(): Promise<void> {
    const { rows } = await this.client.query<{ id: number }>(
      `SELECT id FROM "Assignment" WHERE "assetId" = $1 AND "concernId" = $2 AND "endedAt" IS NULL`,
      [this.cell.assetId, this.cell.concernId],
    );
    const expectedVersion = cellVersion(rows.map((row) => row.id));
    const input = this.added === null ? { expectedVersion, add: [{ personId: this.cell.personId, role: "C" }] } : { expectedVersion, end: [this.added] };
    const response = await this.session.postJson(`/api/cells/${this.cell.assetKey}/${this.cell.concernKey}`, input);
    if (response.status !== 200) throw new Error(`The bench's cell write answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
    if (this.added === null) {
      const { rows: added } = await this.client.query<{ id: number }>(
        `SELECT id FROM "Assignment" WHERE "assetId" = $1 AND "concernId" = $2 AND "personId" = $3 AND role = 'C' AND "endedAt" IS NULL`,
        [this.cell.assetId, this.cell.concernId, this.cell.personId],
      );
      this.added = added[0]!.id;
    } else {
      this.added = null;
    }
  }
}

/** `npm run report -- --format json` start to finish, as someone at a terminal would wait for it. */
export async function measureReportCli(databaseUrl: string, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [...TSX_NODE_ARGS, path.join("scripts", "report.ts"), "--format", "json"],
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
    // Cold: nothing kept, neither closed weeks nor today's snapshot (the server shares it with the screens).
    const forget = () => {
      clearCoverageTrendCache();
      clearDataVersionCache();
    };
    forget();
    await timed();
    const cold: number[] = [];
    for (let run = 0; run < runs.cold; run++) {
      forget();
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
