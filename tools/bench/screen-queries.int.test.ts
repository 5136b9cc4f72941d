import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { clearDataVersionCache } from "@/lib/cache/kept-figures";
import { getHomeFigures, getHomeTrend } from "@/lib/home/queries";
import { loadMatrix } from "@/lib/ownership/matrix";
import { streamReportCsv } from "@/lib/report/report-output";
import { loadReportPage } from "@/lib/report/report-view";
import { clearCoverageTrendCache } from "@/lib/report/trend";
import { getReviewSummaryForHome, listOverdueTeams } from "@/lib/review/home";
import { REVIEW_ASSETS_PER_PAGE } from "@/lib/review/board-page";
import { getReviewScreen } from "@/lib/review/screen";
import { createCountingClient, type CountingClient } from "@/tools/testing/query-counter";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { dropDatabase } from "@/lib/db/migrate";
import { loadBenchOrganisation } from "./load-organisation";
import { BENCH_ADMIN_EMAIL } from "./people";
import { chooseSubjects } from "./subjects";

const app = vi.hoisted(() => ({ prisma: null as Db | null }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getPrisma: () => app.prisma,
}));

interface Organisation {
  database: TestDatabase;
  client: CountingClient;
  admin: CurrentUser;
  manager: CurrentUser;
  teamId: number;
  assets: number;
}

async function organisationOf(scale: number): Promise<Organisation> {
  const database = await createTestDatabase();
  const loaded = await loadBenchOrganisation(database.url, { scale, seed: 7, now: new Date() }, () => undefined);
  const subjects = chooseSubjects(loaded.organisation);
  const client = createCountingClient(database.url);
  const userOf = async (email: string): Promise<CurrentUser> => {
    const person = await client.prisma.person.findUniqueOrThrow({ where: { email }, include: { team: true } });
    return { id: person.id, email, name: person.name, role: person.role as CurrentUser["role"], teamId: person.teamId, teamName: person.team?.name ?? null, teamFunction: person.team?.function ?? null };
  };
  return { database, client, admin: await userOf(BENCH_ADMIN_EMAIL), manager: await userOf(subjects.largestTeam.managerEmail), teamId: subjects.largestTeam.id, assets: loaded.counts.assets };
}

/** The SQL statements one screen's loading sends, nothing kept from an earlier request. */
async function statementsOf(org: Organisation, load: () => Promise<unknown>): Promise<number> {
  app.prisma = org.client.prisma;
  clearDataVersionCache();
  clearCoverageTrendCache();
  org.client.reset();
  await load();
  return org.client.count();
}

const SCREENS: Record<string, (org: Organisation) => Promise<unknown>> = {
  home: (org) => Promise.all([getHomeFigures(), getReviewSummaryForHome(org.admin), listOverdueTeams(), getHomeTrend()]),
  matrix: (org) => loadMatrix({ team: org.teamId }, 1),
  review: (org) => getReviewScreen(org.manager, {}),
  report: () => loadReportPage({}),
  csv: async () => {
    const { body } = await streamReportCsv({ filters: {}, selection: {} }, new Date(), app.prisma!);
    await new Response(body).text();
  },
};

/**
 * No N+1: each screen sends as many SQL statements for ten times the assets (and people, assignments,
 * reviews) as for the small organisation. One query per list, whatever its length.
 */
describe("queries per screen", () => {
  let small: Organisation;
  let large: Organisation;
  beforeAll(async () => {
    [small, large] = await Promise.all([organisationOf(0.005), organisationOf(0.05)]);
  }, 120_000);
  afterAll(async () => {
    for (const org of [small, large]) {
      await org?.client.close();
      await org?.database.prisma.$disconnect();
      if (org) await dropDatabase(org.database.url);
    }
  });

  it("the large organisation has ten times the assets", () => {
    expect(large.assets).toBe(small.assets * 10);
  });

  for (const [screen, load] of Object.entries(SCREENS)) {
    it(`${screen}: the same number of queries on either organisation`, async () => {
      // Twice each, nothing kept either time: reading a screen writes nothing, so both loads send the same.
      const counts = [];
      for (const org of [small, large]) counts.push([await statementsOf(org, () => load(org)), await statementsOf(org, () => load(org))]);
      expect(counts[1]).toEqual(counts[0]);
      expect(counts[0]![0]).toBe(counts[0]![1]);
      expect(counts[0]![1]).toBeGreaterThan(0);
      // Home, cold, is the largest: its figures, the trend, the review summary and 12 weeks of overdue reviews.
      expect(counts[0]![1]).toBeLessThan(80);
    });
  }

  // After the counts: it opens the large organisation's review, which the first count expects unopened.
  it("pages the largest team's review before detailing its cells: each page holds only its own assets", async () => {
    app.prisma = large.client.prisma;
    const pageOf = async (page: number) => {
      const screen = await getReviewScreen(large.manager, {}, new Date(), { page, undecidedOnly: false });
      if (screen.kind !== "review" || screen.view.kind !== "board") throw new Error(`no working board: ${screen.kind}`);
      return screen.view;
    };
    const [first, second] = [await pageOf(1), await pageOf(2)];
    expect(first.pagination.pageCount).toBeGreaterThan(1);
    expect(second.pagination).toMatchObject({ page: 2, totalCells: first.pagination.totalCells, assetCount: first.pagination.assetCount });
    const assetsOf = (view: typeof first) => new Set(view.board.cells.map((cell) => cell.assetId));
    expect(assetsOf(first).size).toBe(REVIEW_ASSETS_PER_PAGE);
    expect([...assetsOf(second)].some((assetId) => assetsOf(first).has(assetId))).toBe(false);
    expect(first.board.cells.length).toBeLessThan(first.pagination.totalCells);
  });
});
