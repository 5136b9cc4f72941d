import type { Db } from "@/lib/db/client";
import type { DataChange } from "@/lib/cache/kept-figures";
import { Prisma } from "@/lib/db/generated/client";
import { cellEffectOf } from "@/lib/ownership/change-effects";
import { loadOwnershipSnapshot, type OwnershipSnapshot } from "@/lib/ownership/snapshot";
import { cellKey, type CellActivity, type EvaluatedCell, type RulePerson, type RuleSettings } from "@/lib/rules";
import { buildReport, cellMatches, type Report, type ReportCatalog } from "./build-report";
import { readTimeZone } from "@/lib/settings/queries";
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

type AssignmentEvent = {
  assetId: number;
  concernId: number;
  assignmentId: number;
  at: Date;
  kind: "assignment-started" | "assignment-ended";
  source: "app" | "review" | "import";
};

/** Everything the report reads besides the snapshot: the activity of the hotspot window and the names of things. */
export interface ReportSources {
  decisions: {
    assetId: number;
    concernId: number;
    decision: "confirm" | "change" | "flag" | "handoff";
    review: { submittedAt: Date | null; team: { id: number; name: string } };
    handoffTeam: { id: number; name: string } | null;
  }[];
  assignmentEvents: AssignmentEvent[];
  catalog: ReportCatalog;
}

// Assignments of the given cells only (a write's cells), or of every cell.
function onlyAssignmentsOf(cells: readonly { assetId: number; concernId: number }[] | undefined): Prisma.Sql {
  if (!cells) return Prisma.empty;
  return Prisma.sql`AND ("assetId", "concernId") IN (SELECT * FROM unnest(${cells.map((cell) => cell.assetId)}::int[], ${cells.map((cell) => cell.concernId)}::int[]))`;
}

function loadAssignmentEvents(prisma: Db, windowStart: Date, asOf: Date, cells?: readonly { assetId: number; concernId: number }[]): Promise<AssignmentEvent[]> {
  return prisma.$queryRaw<AssignmentEvent[]>`
    SELECT "assetId", "concernId", id AS "assignmentId", "startedAt" AS at, 'assignment-started' AS kind, source::text AS source
    FROM "Assignment" WHERE "startedAt" > ${windowStart} AND "startedAt" <= ${asOf} ${onlyAssignmentsOf(cells)}
    UNION ALL
    SELECT "assetId", "concernId", id AS "assignmentId", "endedAt" AS at, 'assignment-ended' AS kind, source::text AS source
    FROM "Assignment" WHERE "endedAt" > ${windowStart} AND "endedAt" <= ${asOf} ${onlyAssignmentsOf(cells)}`;
}

export async function loadReportSources(prisma: Db, asOf: Date): Promise<ReportSources> {
  const windowStart = new Date(asOf.getTime() - HOTSPOT_WINDOW_WEEKS * WEEK_MS);
  const [decisions, assignmentEvents, teams, kinds, concerns, assets, people] = await Promise.all([
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
    loadAssignmentEvents(prisma, windowStart, asOf),
    prisma.team.findMany({ select: { id: true, name: true, function: true }, orderBy: { name: "asc" } }),
    prisma.assetKind.findMany({ select: { key: true, label: true }, orderBy: [{ sortOrder: "asc" }, { key: "asc" }] }),
    prisma.concern.findMany({ select: { key: true, name: true, home: true }, orderBy: [{ sortOrder: "asc" }, { key: "asc" }] }),
    prisma.asset.findMany({ select: { key: true, name: true } }),
    prisma.person.findMany({ select: { id: true, name: true, email: true } }),
  ]);
  return { decisions, assignmentEvents, catalog: { teams, kinds, concerns, assets, people } };
}

/**
 * Today's sources brought up to date with cell edits since they were read: the edited cells' assignment
 * events are read again. Null after any other write (a submitted review changes the flags and hand-offs,
 * a new person or asset the names). Events that have left the hotspot window since are dropped by the
 * builder, which counts only the window before its as-of date.
 */
export async function patchReportSources(prisma: Db, sources: ReportSources, changes: readonly DataChange[], snapshot: OwnershipSnapshot): Promise<ReportSources | null> {
  const names = new Set<string>();
  for (const change of changes) {
    const effect = cellEffectOf(change);
    if (effect.kind === "cell") names.add(effect.name);
    else if (effect.kind !== "none") return null;
  }
  if (names.size === 0) return sources;
  const cells = snapshot.cells.filter((cell) => names.has(`${cell.assetKey}/${cell.concernKey}`));
  if (cells.length < names.size) return null;
  const edited = new Set(cells.map((cell) => cellKey(cell.assetId, cell.concernId)));
  // Up to now, not the snapshot's date: a write recorded after the snapshot was read is dated later.
  const now = new Date();
  const fresh = await loadAssignmentEvents(prisma, new Date(now.getTime() - HOTSPOT_WINDOW_WEEKS * WEEK_MS), now, cells);
  return { ...sources, assignmentEvents: [...sources.assignmentEvents.filter((event) => !edited.has(cellKey(event.assetId, event.concernId))), ...fresh] };
}

/**
 * The hotspot window's activity as of a date: flags and hand-offs of submitted reviews, assignments
 * started and ended. Kept sources may hold decisions from before the window (it moves with the clock).
 */
export function activityOf(sources: ReportSources, asOf: Date): { decisions: ReportSources["decisions"]; activity: CellActivity[] } {
  const windowStart = new Date(asOf.getTime() - HOTSPOT_WINDOW_WEEKS * WEEK_MS);
  const decisions = sources.decisions.filter((item) => item.review.submittedAt! > windowStart && item.review.submittedAt! <= asOf);
  const activity: CellActivity[] = [
    ...decisions.map((item) => ({
      assetId: item.assetId,
      concernId: item.concernId,
      at: item.review.submittedAt!,
      kind: item.decision === "flag" ? ("flag" as const) : ("handoff" as const),
    })),
    ...sources.assignmentEvents,
  ];
  return { decisions, activity };
}

/**
 * Loads what the report needs as of the filters' date and builds it with the one report builder.
 * A snapshot of today that the caller already holds (see `loadSharedReport`), and the sources read with
 * it, are used instead of reading them again.
 */
export async function loadReport(
  prisma: Db,
  filters: ReportFilters,
  now = new Date(),
  currentSnapshot?: OwnershipSnapshot,
  currentSources?: ReportSources,
): Promise<LoadedReport> {
  const snapshotOfToday = filters.asOf ? undefined : currentSnapshot;
  const asOf = snapshotOfToday?.asOf ?? reportInstant(filters, now, await readTimeZone(prisma));
  const [snapshot, sources] = await Promise.all([
    snapshotOfToday ?? loadOwnershipSnapshot(prisma, asOf),
    (snapshotOfToday && currentSources) || loadReportSources(prisma, asOf),
  ]);
  const { catalog } = sources;
  const { decisions, activity } = activityOf(sources, asOf);
  // Keys by id rather than a name per cell: tens of thousands of cells, a few hundred hand-offs.
  const assetKeys = new Map<number, string>();
  const concernKeys = new Map<number, string>();
  for (const cell of snapshot.cells) {
    assetKeys.set(cell.assetId, cell.assetKey);
    concernKeys.set(cell.concernId, cell.concernKey);
  }
  const flows = new Map<string, HandoffFlow>();
  for (const item of decisions) {
    if (item.decision !== "handoff" || !item.handoffTeam) continue;
    const from = item.review.team;
    const to = item.handoffTeam;
    const key = `${from.id}:${to.id}`;
    const flow = flows.get(key) ?? { fromTeamId: from.id, from: from.name, toTeamId: to.id, to: to.name, count: 0, cells: [] };
    flow.count += 1;
    const assetKey = assetKeys.get(item.assetId);
    const concernKey = concernKeys.get(item.concernId);
    const cell = assetKey && concernKey ? `${assetKey}/${concernKey}` : undefined;
    if (cell && !flow.cells.includes(cell)) flow.cells.push(cell);
    flows.set(key, flow);
  }
  const report = buildReport({ asOf, filters, cells: snapshot.cells, people: snapshot.people, activity, settings: snapshot.settings, catalog });
  const handoffFlows = [...flows.values()]
    .map((flow) => ({ ...flow, cells: flow.cells.sort() }))
    .sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const cells = snapshot.cells.filter((cell) => cell.inScope && cellMatches(cell, filters, snapshot.people));
  return { ...report, handoffFlows, catalog, cells, people: snapshot.people, settings: snapshot.settings };
}
