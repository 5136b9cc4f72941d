import { GAP_TYPES, type GapType } from "@/lib/rules";
import { compareText } from "@/lib/rules/order";
import type { Report, ReportCatalog } from "./build-report";
import { reportHref, type ReportSelection, type ReportView } from "./selection";
import { TREND_WEEK_OPTIONS, type CoverageTrendPoint } from "./trend-types";

/**
 * The report charts' data, shaped from the report by plain functions so the components only draw.
 * Everything here runs in the browser too: no database, no server-only imports.
 */

/** The id of the ranked table a drill-down scrolls to. */
export const REPORT_TABLE_ID = "report-table";

/** The trend length for a link: the default one stays out of the URL. */
function linkedTrendWeeks(weeks: number | undefined): number | undefined {
  return weeks === TREND_WEEK_OPTIONS[0] ? undefined : weeks;
}

/** The report with the table narrowed to `selection` (replacing any previous one), scrolled to the table. */
export function drillDownHref(view: ReportView, selection: ReportSelection): string {
  const target = { filters: view.filters, selection, sort: view.sort, trendWeeks: linkedTrendWeeks(view.trendWeeks) };
  return `${reportHref(target)}#${REPORT_TABLE_ID}`;
}

/** The report as of another date, keeping the filters and the trend length. */
export function asOfHref(view: ReportView, asOfDate: string): string {
  return reportHref({ filters: { ...view.filters, asOf: asOfDate }, trendWeeks: linkedTrendWeeks(view.trendWeeks) });
}

/** The same view with another trend length. */
export function trendWeeksHref(view: ReportView, weeks: number): string {
  return reportHref({ ...view, trendWeeks: linkedTrendWeeks(weeks) });
}

export function formatPercentRounded(percent: number | null): string {
  return percent === null ? "–" : `${Math.round(percent)}%`;
}

/** "1 flag", "3 flags". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Long names shortened for an axis; the full name stays in tooltips and the data table. */
export function truncateLabel(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}

/** "Privacy & compliance (GDPR, CCPA, consent)" → "Privacy & compliance": the part before a colon or bracket. */
export function shortConcernName(name: string): string {
  return name.split(/:| \(/)[0]!.trim();
}

export interface TrendRow {
  week: string;
  /** `W47`: the week number alone, for the axis. */
  weekLabel: string;
  asOfDate: string;
  overall: number | null;
  marketing: number | null;
  it: number | null;
  shared: number | null;
}

export function shapeTrend(points: readonly CoverageTrendPoint[]): TrendRow[] {
  return points.map((point) => ({
    week: point.week,
    weekLabel: point.week.slice(point.week.indexOf("-") + 1),
    asOfDate: point.asOfDate,
    overall: point.overall.percent,
    marketing: point.marketing.percent,
    it: point.it.percent,
    shared: point.shared.percent,
  }));
}

/**
 * The trend's value axis: up to 100%, from a round ten below the lowest figure, so a move of a few
 * points stays visible instead of a flat line at the top of a 0–100 axis. Ticks every 5 or 10 points.
 */
export function trendAxis(rows: readonly TrendRow[]): { domain: [number, number]; ticks: number[] } {
  const values = rows.flatMap((row) => [row.overall, row.marketing, row.it, row.shared]).filter((value): value is number => value !== null);
  const lowest = values.length ? Math.min(...values) : 0;
  const floor = Math.max(0, Math.floor((lowest - 2) / 10) * 10);
  const step = 100 - floor <= 30 ? 5 : 100 - floor <= 60 ? 10 : 25;
  const ticks: number[] = [];
  for (let tick = floor; tick <= 100; tick += step) ticks.push(tick);
  return { domain: [floor, 100], ticks };
}

/** Ticks for a count axis from 0 to at least `max`, on a step of 1, 2 or 5 times a power of ten, at most `maxSteps` steps. */
export function countTicks(max: number, maxSteps = 6): number[] {
  const top = Math.max(1, Math.ceil(max));
  let magnitude = 1;
  for (;;) {
    for (const factor of [1, 2, 5]) {
      const step = factor * magnitude;
      if (top / step <= maxSteps) return Array.from({ length: Math.ceil(top / step) + 1 }, (_, index) => index * step);
    }
    magnitude *= 10;
  }
}

/** One sentence for the trend: where overall coverage started and ended over the weeks shown. */
export function describeTrend(points: readonly CoverageTrendPoint[]): string {
  const known = points.filter((point) => point.overall.percent !== null);
  const first = known[0]?.overall.percent;
  const last = known.at(-1)?.overall.percent;
  if (first === undefined || first === null || last === undefined || last === null) return "No coverage figures for these weeks.";
  // Weeks before anything was in scope have no figure: say where the line starts.
  const span = known[0] === points[0] ? `over the last ${plural(points.length, "week")}` : `since ${known[0]!.week}`;
  if (last === first) return `Coverage stayed at ${formatPercentRounded(last)} ${span}.`;
  return `Coverage ${last > first ? "rose" : "fell"} from ${formatPercentRounded(first)} to ${formatPercentRounded(last)} ${span}.`;
}

export interface TeamSeries {
  /** A recharts data key: team names may hold any character. */
  key: string;
  name: string;
  /** Null for the "No team" segment (cells nobody in a team holds A or R on). */
  teamId: number | null;
}

export const NO_TEAM = "No team";

/** Gaps by type (in the order of DESIGN.md's table) with a count per team series that has any. */
export function shapeGapsByType(
  rows: Report["gapsByTypeAndTeam"],
  teams: ReportCatalog["teams"],
): { series: TeamSeries[]; rows: ({ type: GapType; total: number } & Record<string, number | string>)[] } {
  const present = new Set(rows.flatMap((row) => Object.keys(row.byTeam)));
  const series: TeamSeries[] = teams.filter((team) => present.has(team.name)).map((team) => ({ key: `team-${team.id}`, name: team.name, teamId: team.id }));
  const known = new Set(series.map((entry) => entry.name));
  // A name the catalog does not know (the builder's "Team 7" fallback) still gets its own segment.
  for (const name of [...present].filter((name) => !known.has(name) && name !== NO_TEAM).sort(compareText)) {
    series.push({ key: `other-${series.length}`, name, teamId: null });
  }
  if (present.has(NO_TEAM)) series.push({ key: "no-team", name: NO_TEAM, teamId: null });
  const byType = new Map(rows.map((row) => [row.type, row]));
  return {
    series,
    rows: GAP_TYPES.filter((type) => byType.has(type)).map((type) => {
      const row = byType.get(type)!;
      // Teams without gaps of this type are left out, not zero, so tooltips list only the teams concerned.
      const counts = series.filter((entry) => row.byTeam[entry.name]).map((entry): [string, number] => [entry.key, row.byTeam[entry.name]!]);
      return { type, total: row.total, ...Object.fromEntries(counts) };
    }),
  };
}

export interface HeatmapSquare {
  kind: string;
  concern: string;
  column: number;
  row: number;
  percent: number | null;
  inScope: number;
  covered: number;
}

/** The heatmap as a grid: kinds as rows and concerns as columns (catalog order, only those with cells). */
export function shapeHeatmap(
  heatmap: Report["heatmap"],
  catalog: Pick<ReportCatalog, "kinds" | "concerns">,
): { kinds: ReportCatalog["kinds"]; concerns: ReportCatalog["concerns"]; squares: HeatmapSquare[] } {
  const kindKeys = new Set(heatmap.map((entry) => entry.kind));
  const concernKeys = new Set(heatmap.map((entry) => entry.concern));
  const kinds = catalog.kinds.filter((kind) => kindKeys.has(kind.key));
  const concerns = catalog.concerns.filter((concern) => concernKeys.has(concern.key));
  const row = new Map(kinds.map((kind, index) => [kind.key, index]));
  const column = new Map(concerns.map((concern, index) => [concern.key, index]));
  const squares = heatmap
    .filter((entry) => row.has(entry.kind) && column.has(entry.concern))
    .map((entry) => ({ ...entry, row: row.get(entry.kind)!, column: column.get(entry.concern)! }))
    .sort((a, b) => a.row - b.row || a.column - b.column);
  return { kinds, concerns, squares };
}

/** Index into a five-step sequential scale: 0 for under 20% ... 4 for 80% and over; null stays null. */
export function heatStep(percent: number | null): 0 | 1 | 2 | 3 | 4 | null {
  if (percent === null) return null;
  return Math.max(0, Math.min(4, Math.floor(percent / 20))) as 0 | 1 | 2 | 3 | 4;
}

export interface PersonLoadRow {
  email: string;
  name: string;
  accountableCells: number;
  highCriticalCells: number;
  /** Accountable cells on low and medium assets: the second segment of the stacked bar. */
  otherCells: number;
  overloaded: boolean;
  overloadReasons: string[];
}

/** How many of the most loaded people the person-load chart shows (every overloaded person too). */
export const TOP_LOADED_PEOPLE = 15;

/**
 * The heaviest loads first (accountable cells, then high/critical ones, then name), at most `limit`
 * people, plus anyone overloaded beyond that so no overload is hidden by the cut.
 */
export function shapePersonLoad(load: Report["personLoad"], limit: number): { rows: PersonLoadRow[]; total: number } {
  const ranked = load
    .filter((person) => person.accountableCells > 0 || person.overloaded)
    .sort((a, b) => b.accountableCells - a.accountableCells || b.highCriticalCells - a.highCriticalCells || compareText(a.name, b.name));
  const rows = ranked.filter((person, index) => index < limit || person.overloaded);
  return {
    rows: rows.map((person) => ({ ...person, otherCells: person.accountableCells - person.highCriticalCells })),
    total: ranked.length,
  };
}

export interface HotspotCellRow {
  /** `assetKey/concernKey`, the drill-down value. */
  cell: string;
  assetName: string;
  /** The concern's short name. */
  concernName: string;
  score: number;
  flags: number;
  ownershipChanges: number;
  handoffs: number;
}

/** How many hotspot cells the top-cells chart shows. */
export const TOP_HOTSPOT_CELLS = 10;

export function shapeTopHotspots(
  hotspots: Report["hotspots"],
  catalog: Pick<ReportCatalog, "assets" | "concerns">,
  limit: number,
): HotspotCellRow[] {
  const assetName = new Map(catalog.assets.map((asset) => [asset.key, asset.name]));
  const concernName = new Map(catalog.concerns.map((concern) => [concern.key, concern.name]));
  return [...hotspots]
    .sort((a, b) => b.score - a.score || compareText(a.assetKey, b.assetKey) || compareText(a.concernKey, b.concernKey))
    .slice(0, limit)
    .map((hotspot) => ({
      cell: `${hotspot.assetKey}/${hotspot.concernKey}`,
      assetName: assetName.get(hotspot.assetKey) ?? hotspot.assetKey,
      concernName: shortConcernName(concernName.get(hotspot.concernKey) ?? hotspot.concernKey),
      score: hotspot.score,
      flags: hotspot.flags,
      ownershipChanges: hotspot.ownershipChanges,
      handoffs: hotspot.handoffs,
    }));
}
