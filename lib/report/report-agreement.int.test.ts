import { spawnSync } from "node:child_process";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/report/export/route";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { useTestDatabase } from "@/tools/testing/test-database";
import type { ReportFilters } from "./filters";
import { buildGapTable, gapTableNamesOf, selectReportCells } from "./gap-table";
import { loadReport } from "./load-report";
import { reportQuery } from "./selection";
import { TSX_NODE_ARGS } from "@/lib/commands/next-process";

/** The CSV route runs as Next.js runs it, with a signed-in viewer and the app's client on this test's database. */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null, prisma: null as Db | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getPrisma: () => session.prisma,
}));

/** `assetKey/concernKey/gapType/score`, one per gap row, in the order the output lists them. */
type GapKey = string;

/**
 * DESIGN.md section 3: one definition of the report, used by the page, the CSV export and the CLI.
 * On the demo organisation, the three outputs list the same gap rows with the same scores in the same order.
 */
describe("the command, the CSV download and the screen's table agree", () => {
  const db = useTestDatabase();
  let webPlatformId: number;

  beforeAll(async () => {
    await seedDemoOrganisation(db.prisma);
    session.prisma = db.prisma;
    const viewer = await db.prisma.person.findUniqueOrThrow({ where: { email: "viewer@example.org" } });
    session.user = { id: viewer.id, email: viewer.email, name: viewer.name, role: "viewer", teamId: null, teamName: null, teamFunction: null };
    webPlatformId = (await db.prisma.team.findFirstOrThrow({ where: { name: "Web Platform" } })).id;
  });

  function commandGaps(filters: ReportFilters): GapKey[] {
    const flags = Object.entries(filters).flatMap(([key, value]) => [`--${key === "asOf" ? "as-of" : key}`, String(value)]);
    const run = spawnSync(process.execPath, [...TSX_NODE_ARGS, "scripts/report.ts", "--format", "json", ...flags], {
      env: { ...process.env, DATABASE_URL: db.url },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const { gaps } = JSON.parse(run.stdout) as { gaps: { assetKey: string; concernKey: string; type: string; score: number }[] };
    return gaps.map((gap) => `${gap.assetKey}/${gap.concernKey}/${gap.type}/${gap.score}`);
  }

  async function downloadedGaps(filters: ReportFilters): Promise<GapKey[]> {
    const response = await GET(new Request(`http://localhost/api/report/export?${reportQuery({ filters })}`));
    expect(response.status).toBe(200);
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    return rows.map((row) => `${row.asset_key}/${row.concern_key}/${row.gap_type}/${row.score}`);
  }

  /** Every page of the table in its default order (the ranking), each row's gap types in its order. */
  async function tableGaps(filters: ReportFilters): Promise<GapKey[]> {
    const report = await loadReport(db.prisma, filters);
    const cells = selectReportCells(report, {});
    const names = gapTableNamesOf(report);
    const first = buildGapTable(cells, { page: 1 }, names);
    const pages = [first, ...Array.from({ length: first.pages - 1 }, (_, i) => buildGapTable(cells, { page: i + 2 }, names))];
    expect(pages.reduce((count, page) => count + page.rows.length, 0)).toBe(first.total);
    return pages.flatMap((page) => page.rows.flatMap((row) => row.gaps.map((gap) => `${row.assetKey}/${row.concernKey}/${gap.type}/${row.score}`)));
  }

  const cases: [string, () => ReportFilters][] = [
    ["the whole report", () => ({})],
    ["the cells Web Platform holds", () => ({ team: webPlatformId })],
    ["shared concerns on high-criticality assets", () => ({ function: "shared", criticality: "high" })],
  ];

  it.each(cases)("%s", async (_name, filtersOf) => {
    const filters = filtersOf();
    const fromCommand = commandGaps(filters);
    const fromDownload = await downloadedGaps(filters);
    const fromTable = await tableGaps(filters);
    expect(fromCommand.length).toBeGreaterThan(0);
    expect(fromDownload).toEqual(fromCommand);
    expect(fromTable).toEqual(fromCommand);
    // The ranking: score descending, then asset key, then concern key.
    const cellsInOrder = [...new Set(fromCommand.map((key) => key.split("/").slice(0, 2).join("/")))];
    const scoreOf = (cell: string) => Number(fromCommand.find((key) => key.startsWith(`${cell}/`))!.split("/")[3]);
    const ranked = [...cellsInOrder].sort((a, b) => scoreOf(b) - scoreOf(a) || (a < b ? -1 : a > b ? 1 : 0));
    expect(cellsInOrder).toEqual(ranked);
  });

  it("narrows all three alike: a filter gives fewer rows than the whole report", async () => {
    const whole = await downloadedGaps({});
    const filtered = await downloadedGaps({ team: webPlatformId });
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(whole.length);
    expect(filtered.every((key) => whole.includes(key))).toBe(true);
  });
});
