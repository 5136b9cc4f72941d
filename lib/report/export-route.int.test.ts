import { parse } from "csv-parse/sync";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/report/export/route";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { clearDataVersionCache } from "@/lib/cache/kept-figures";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { useTestDatabase } from "@/tools/testing/test-database";
import { REPORT_CSV_COLUMNS } from "./csv";
import { loadReport } from "./load-report";

/** The route handler as Next.js runs it, with the session and the app's database client pointed at this test. */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null, prisma: null as Db | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getPrisma: () => session.prisma,
}));

type CsvRow = Record<(typeof REPORT_CSV_COLUMNS)[number], string>;

async function download(query: string): Promise<Response> {
  return GET(new Request(`http://localhost/api/report/export${query ? `?${query}` : ""}`));
}

async function rowsOf(response: Response): Promise<CsvRow[]> {
  return parse(await response.text(), { columns: true }) as CsvRow[];
}

const gapKeys = (gaps: { assetKey: string; concernKey: string; type: string; score: number }[]) =>
  gaps.map((gap) => `${gap.assetKey}/${gap.concernKey}/${gap.type}/${gap.score}`);
const rowKeys = (rows: CsvRow[]) => rows.map((row) => `${row.asset_key}/${row.concern_key}/${row.gap_type}/${row.score}`);

describe("GET /api/report/export", () => {
  const db = useTestDatabase();

  beforeAll(async () => {
    await seedDemoOrganisation(db.prisma);
    session.prisma = db.prisma;
  });
  // These tests change the data behind the app's back (no audit event), so the shared report must not be reused.
  beforeEach(() => clearDataVersionCache());

  async function signInAs(email: string) {
    const person = await db.prisma.person.findUniqueOrThrow({ where: { email }, include: { team: true } });
    session.user = {
      id: person.id,
      email: person.email,
      name: person.name,
      role: person.role as CurrentUser["role"],
      teamId: person.teamId,
      teamName: person.team?.name ?? null,
      teamFunction: person.team?.function ?? null,
    };
  }

  it("answers 401 with JSON to an anonymous request", async () => {
    session.user = null;
    const response = await download("");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("lets a viewer download every gap row of the report, ranked, as an attachment named by its date", async () => {
    await signInAs("viewer@example.org");
    const response = await download("");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const report = await loadReport(db.prisma, {});
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="tandem-gap-report-${report.asOf.slice(0, 10)}.csv"`);
    const rows = await rowsOf(response);
    expect(rows.length).toBeGreaterThan(20);
    expect(rowKeys(rows)).toEqual(gapKeys(report.gaps));
    const withOwner = rows.find((row) => row.holders.includes("(A)"));
    expect(withOwner?.last_confirmed).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(new Set(rows.map((row) => row.asset_criticality))).toEqual(new Set(["low", "medium", "high", "critical"]));
  });

  it("keeps the filters, the as-of date and a drill-down into a gap type", async () => {
    await signInAs("admin@example.org");
    const asOf = new Date(Date.now() - 21 * 86_400_000).toISOString().slice(0, 10);
    const response = await download(`function=shared&asOf=${asOf}&selGap=one-sided`);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="tandem-gap-report-${asOf}.csv"`);
    const rows = await rowsOf(response);
    const report = await loadReport(db.prisma, { function: "shared", asOf });
    const expected = report.gaps.filter((gap) => gap.type === "one-sided");
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(report.gaps.length);
    expect(rowKeys(rows)).toEqual(gapKeys(expected));
  });

  it("exports only the drilled-down cell, and escapes a name a spreadsheet would run as a formula", async () => {
    await signInAs("viewer@example.org");
    const kind = await db.prisma.assetKind.findUniqueOrThrow({ where: { key: "website" } });
    await db.prisma.asset.create({ data: { key: "formula-site", name: "=HYPERLINK(\"http://evil.example\")", kindId: kind.id, criticality: "low" } });
    const rows = await rowsOf(await download(`selCell=${encodeURIComponent("formula-site/content")}`));
    expect(rows.map((row) => [row.asset_key, row.asset_name, row.concern_key, row.gap_type, row.holders, row.last_confirmed])).toEqual([
      ["formula-site", "'=HYPERLINK(\"http://evil.example\")", "content", "no-accountable", "", ""],
      ["formula-site", "'=HYPERLINK(\"http://evil.example\")", "content", "no-responsible", "", ""],
    ]);
  });

  it("ignores parameters it cannot read instead of failing", async () => {
    await signInAs("viewer@example.org");
    const response = await download("team=abc&gap=nonsense&asOf=yesterday&selCell=&selPair=x");
    expect(response.status).toBe(200);
    const report = await loadReport(db.prisma, {});
    expect(rowKeys(await rowsOf(response))).toEqual(gapKeys(report.gaps));
  });
});
