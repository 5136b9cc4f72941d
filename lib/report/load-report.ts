import type { Db } from "@/lib/db/client";
import { loadOwnershipSnapshot, type OwnershipSnapshot } from "@/lib/ownership/snapshot";
import { cellKey, type CellActivity, type EvaluatedCell, type RulePerson, type RuleSettings } from "@/lib/rules";
import { buildReport, cellMatches, type Report, type ReportCatalog } from "./build-report";
import { reportInstant, type ReportFilters } from "./filters";

export interface HandoffFlow {
  fromTeamId: number;
  from: string;
  toTeamId: number;
  to: string;
  count: number;
  cells: string[];
}

const WEEK_MS = 7 * 86_400_000;
/** DESIGN.md: a hotspot's score looks at the 8 weeks before the as-of date. */
export const HOTSPOT_WINDOW_WEEKS = 8;

export interface LoadedReport extends Report {
  /** Hand-offs between teams in the hotspot window, for the flow chart, with the cells handed off (`assetKey/concernKey`). */
  handoffFlows: HandoffFlow[];
  catalog: ReportCatalog;
  /** The in-scope cells the filters keep, for the table and the drill-downs (not part of the CLI's JSON). */
  cells: EvaluatedCell[];
  /** The people as of the report's date, keyed by id, to tell whose cells a drill-down means. */
  people: Map<number, RulePerson>;
  /** The organisation's thresholds, for the overload line of the person-load chart. */
  settings: RuleSettings;
}

/**
 * Loads what the report needs as of the filters' date and builds it with the one report builder.
 * A snapshot of today that the caller already holds (see `loadSharedReport`) is used instead of a new one.
 */
export async function loadReport(prisma: Db, filters: ReportFilters, now = new Date(), currentSnapshot?: OwnershipSnapshot): Promise<LoadedReport> {
  const snapshotOfToday = filters.asOf ? undefined : currentSnapshot;
  const asOf = snapshotOfToday?.asOf ?? reportInstant(filters, now);
  const windowStart = new Date(asOf.getTime() - HOTSPOT_WINDOW_WEEKS * WEEK_MS);
  const [snapshot, decisions, assignmentEvents, teams, kinds, concerns, assets, people] = await Promise.all([
    snapshotOfToday ?? loadOwnershipSnapshot(prisma, asOf),
    prisma.reviewItem.findMany({
      where: {
        decision: { in: ["flag", "handoff"] },
        review: { status: "submitted", submittedAt: { gt: windowStart, lte: asOf } },
      },
      select: {
        assetId: true,
        concernId: true,
        decision: true,
        review: { select: { submittedAt: true, team: { select: { id: true, name: true } } } },
        handoffTeam: { select: { id: true, name: true } },
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
  const cellNames = new Map(snapshot.cells.map((cell) => [cellKey(cell.assetId, cell.concernId), `${cell.assetKey}/${cell.concernKey}`]));
  const flows = new Map<string, HandoffFlow>();
  for (const item of decisions) {
    if (item.decision !== "handoff" || !item.handoffTeam) continue;
    const from = item.review.team;
    const to = item.handoffTeam;
    const key = `${from.id}:${to.id}`;
    const flow = flows.get(key) ?? { fromTeamId: from.id, from: from.name, toTeamId: to.id, to: to.name, count: 0, cells: [] };
    flow.count += 1;
    const cell = cellNames.get(cellKey(item.assetId, item.concernId));
    if (cell && !flow.cells.includes(cell)) flow.cells.push(cell);
    flows.set(key, flow);
  }
  const catalog: ReportCatalog = { teams, kinds, concerns, assets, people };
  const report = buildReport({ asOf, filters, cells: snapshot.cells, people: snapshot.people, activity, settings: snapshot.settings, catalog });
  const handoffFlows = [...flows.values()]
    .map((flow) => ({ ...flow, cells: flow.cells.sort() }))
    .sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const cells = snapshot.cells.filter((cell) => cell.inScope && cellMatches(cell, filters, snapshot.people));
  return { ...report, handoffFlows, catalog, cells, people: snapshot.people, settings: snapshot.settings };
}
