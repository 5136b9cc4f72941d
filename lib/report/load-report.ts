import type { Db } from "@/lib/db/client";
import { loadOwnershipSnapshot } from "@/lib/ownership/snapshot";
import type { CellActivity } from "@/lib/rules";
import { buildReport, type Report, type ReportCatalog } from "./build-report";
import { reportInstant, type ReportFilters } from "./filters";

const WEEK_MS = 7 * 86_400_000;
/** DESIGN.md: a hotspot's score looks at the 8 weeks before the as-of date. */
export const HOTSPOT_WINDOW_WEEKS = 8;

export interface LoadedReport extends Report {
  /** Hand-offs between teams in the hotspot window, for the flow chart. */
  handoffFlows: { from: string; to: string; count: number }[];
  catalog: ReportCatalog;
}

/** Loads what the report needs as of the filters' date and builds it with the one report builder. */
export async function loadReport(prisma: Db, filters: ReportFilters, now = new Date()): Promise<LoadedReport> {
  const asOf = reportInstant(filters, now);
  const windowStart = new Date(asOf.getTime() - HOTSPOT_WINDOW_WEEKS * WEEK_MS);
  const [snapshot, decisions, assignmentEvents, teams, kinds, concerns, assets, people] = await Promise.all([
    loadOwnershipSnapshot(prisma, asOf),
    prisma.reviewItem.findMany({
      where: {
        decision: { in: ["flag", "handoff"] },
        review: { status: "submitted", submittedAt: { gt: windowStart, lte: asOf } },
      },
      select: {
        assetId: true,
        concernId: true,
        decision: true,
        review: { select: { submittedAt: true, team: { select: { name: true } } } },
        handoffTeam: { select: { name: true } },
      },
    }),
    prisma.$queryRaw<{ assetId: number; concernId: number; at: Date; kind: "assignment-started" | "assignment-ended"; source: "app" | "review" | "import" }[]>`
      SELECT "assetId", "concernId", "startedAt" AS at, 'assignment-started' AS kind, source::text AS source
      FROM "Assignment" WHERE "startedAt" > ${windowStart} AND "startedAt" <= ${asOf}
      UNION ALL
      SELECT "assetId", "concernId", "endedAt" AS at, 'assignment-ended' AS kind, source::text AS source
      FROM "Assignment" WHERE "endedAt" > ${windowStart} AND "endedAt" <= ${asOf}`,
    prisma.team.findMany({ select: { id: true, name: true, function: true }, orderBy: { name: "asc" } }),
    prisma.assetKind.findMany({ select: { key: true, label: true }, orderBy: [{ sortOrder: "asc" }, { key: "asc" }] }),
    prisma.concern.findMany({ select: { key: true, name: true, home: true }, orderBy: [{ sortOrder: "asc" }, { key: "asc" }] }),
    prisma.asset.findMany({ select: { key: true, name: true } }),
    prisma.person.findMany({ select: { id: true, name: true, email: true } }),
  ]);

  const activity: CellActivity[] = [
    ...decisions.map((item) => ({
      assetId: item.assetId,
      concernId: item.concernId,
      at: item.review.submittedAt!,
      kind: item.decision === "flag" ? ("flag" as const) : ("handoff" as const),
    })),
    ...assignmentEvents.map((event) => ({ ...event })),
  ];
  const flows = new Map<string, { from: string; to: string; count: number }>();
  for (const item of decisions) {
    if (item.decision !== "handoff" || !item.handoffTeam) continue;
    const key = `${item.review.team.name}\u0000${item.handoffTeam.name}`;
    const flow = flows.get(key) ?? { from: item.review.team.name, to: item.handoffTeam.name, count: 0 };
    flow.count += 1;
    flows.set(key, flow);
  }
  const catalog: ReportCatalog = { teams, kinds, concerns, assets, people };
  const report = buildReport({ asOf, filters, cells: snapshot.cells, people: snapshot.people, activity, settings: snapshot.settings, catalog });
  return { ...report, handoffFlows: [...flows.values()].sort((a, b) => b.count - a.count), catalog };
}
