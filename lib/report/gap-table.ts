import { CRITICALITY_WEIGHT, isCollaborationCell, SEVERITY_WEIGHT, type Criticality, type EvaluatedCell, type Gap, type RaciRole, type RulePerson, type Severity } from "@/lib/rules";
import { listHolderIds } from "@/lib/rules/holders";
import { COLLABORATION_ROLES } from "@/lib/rules/hotspots";
import { compareCellKeys, compareText } from "@/lib/rules/order";
import { cellMatches, type ReportCatalog } from "./build-report";
import type { ReportFilters } from "./filters";
import type { HandoffFlow } from "./load-report";
import { isEmptySelection, parseTeamPair, type ReportSelection } from "./selection";

/** What the selection of the report's cells needs from a loaded report. */
export interface ReportCells {
  filters: ReportFilters;
  /** The report's cells; out-of-scope ones and those the filters exclude are dropped again here. */
  cells: EvaluatedCell[];
  people: Map<number, RulePerson>;
  handoffFlows: Pick<HandoffFlow, "fromTeamId" | "toTeamId" | "cells">[];
}

/**
 * The cells behind the filters and the drill-down selection, in the report's ranking (score, asset key,
 * concern key): what the table lists and the CSV download exports.
 *
 * Without a selection the table is the gap list, so only cells with a gap (of the selected type) come.
 * A chart element stands for all the cells it counts, covered ones included (a heatmap square's
 * coverage is computed over all its cells), so any other selection keeps covered cells too; a selected
 * gap type still narrows them to the cells that have it.
 */
export function selectReportCells(report: ReportCells, selection: ReportSelection): EvaluatedCell[] {
  const { filters, people } = report;
  const onlyGaps = isEmptySelection({ ...selection, selGap: undefined });
  const handedOff = selection.selHandoff ? handedOffCells(report.handoffFlows, selection.selHandoff) : undefined;
  const pair = selection.selPair ? parseTeamPair(selection.selPair) : undefined;
  return report.cells
    .filter((cell) => {
      if (!cell.inScope || !cellMatches(cell, filters, people)) return false;
      if (onlyGaps && cell.gaps.length === 0) return false;
      if (selection.selGap && !cell.gaps.some((gap) => gap.type === selection.selGap)) return false;
      if (selection.selKind && cell.assetKindKey !== selection.selKind) return false;
      if (selection.selConcern && cell.concernKey !== selection.selConcern) return false;
      if (selection.selCell && `${cell.assetKey}/${cell.concernKey}` !== selection.selCell) return false;
      if (selection.selTeam !== undefined && !isHeldByTeam(cell, people, selection.selTeam, ["A", "R"])) return false;
      if (selection.selPerson && !isAccountable(cell, people, selection.selPerson)) return false;
      if ((selection.selHotspots || pair) && !isCollaborationCell(cell, people)) return false;
      if (pair && !pair.every((teamId) => isHeldByTeam(cell, people, teamId, COLLABORATION_ROLES))) return false;
      if (handedOff && !handedOff.has(`${cell.assetKey}/${cell.concernKey}`)) return false;
      return true;
    })
    .sort(compareRanking);
}

function handedOffCells(flows: ReportCells["handoffFlows"], value: string): Set<string> {
  const [fromTeamId, toTeamId] = parseTeamPair(value);
  return new Set(flows.filter((flow) => flow.fromTeamId === fromTeamId && flow.toTeamId === toTeamId).flatMap((flow) => flow.cells));
}

function isHeldByTeam(cell: EvaluatedCell, people: Map<number, RulePerson>, teamId: number, roles: readonly RaciRole[]): boolean {
  return listHolderIds(cell, roles).some((personId) => people.get(personId)?.teamId === teamId);
}

function isAccountable(cell: EvaluatedCell, people: Map<number, RulePerson>, email: string): boolean {
  const wanted = email.toLowerCase();
  return listHolderIds(cell, ["A"]).some((personId) => people.get(personId)?.email.toLowerCase() === wanted);
}

/** DESIGN.md's ranking: score descending, then asset key, then concern key. */
function compareRanking(a: EvaluatedCell, b: EvaluatedCell): number {
  return b.score - a.score || compareCellKeys(a, b);
}

export const GAP_TABLE_COLUMNS = ["asset", "concern", "severity", "criticality", "score", "lastConfirmed"] as const;
export type GapTableColumn = (typeof GAP_TABLE_COLUMNS)[number];
export interface GapTableSort {
  column: GapTableColumn;
  descending: boolean;
}

export const DEFAULT_GAP_TABLE_SORT: GapTableSort = { column: "score", descending: true };
export const GAP_TABLE_PAGE_SIZE = 25;

/** The direction a column sorts in when first clicked: worst or oldest first, names A to Z. */
const FIRST_DIRECTION_DESCENDING: Record<GapTableColumn, boolean> = {
  asset: false,
  concern: false,
  severity: true,
  criticality: true,
  score: true,
  lastConfirmed: false,
};

/** Reads `?sort=` (`score`, `-score`, `asset`…); anything else is the default ranking. */
export function parseGapTableSort(value: string | string[] | undefined): GapTableSort {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return DEFAULT_GAP_TABLE_SORT;
  const descending = raw.startsWith("-");
  const column = descending ? raw.slice(1) : raw;
  return (GAP_TABLE_COLUMNS as readonly string[]).includes(column) ? { column: column as GapTableColumn, descending } : DEFAULT_GAP_TABLE_SORT;
}

export function formatGapTableSort(sort: GapTableSort): string {
  return `${sort.descending ? "-" : ""}${sort.column}`;
}

/** The sort a column header links to: the other direction when it is the current column, else its first direction. */
export function nextGapTableSort(current: GapTableSort, column: GapTableColumn): GapTableSort {
  return current.column === column ? { column, descending: !current.descending } : { column, descending: FIRST_DIRECTION_DESCENDING[column] };
}

export interface GapTableHolder {
  personId: number;
  name: string;
  role: RaciRole;
  /** False for a person deactivated by the report's date (a departed owner). */
  active: boolean;
}

export interface GapTableRow {
  assetKey: string;
  assetName: string;
  concernKey: string;
  concernName: string;
  gaps: Gap[];
  /** Null for a covered cell without gaps (a drill-down can show those). */
  highestSeverity: Severity | null;
  criticality: Criticality;
  score: number;
  /** A and R holders first, then C and I, each by name. */
  holders: GapTableHolder[];
  hasAccountable: boolean;
  /** The latest confirmation among the accountable holders; null when none was ever confirmed. */
  lastConfirmed: Date | null;
}

export interface GapTable {
  rows: GapTableRow[];
  total: number;
  /** The page shown, clamped to the pages there are. */
  page: number;
  pageSize: number;
  pages: number;
  sort: GapTableSort;
}

export interface GapTableNames {
  assets: Map<string, string>;
  concerns: Map<string, string>;
  /** Names of people, and whether they were active at the report's date. */
  people: Map<number, { name: string; active: boolean }>;
}

const ROLE_ORDER: Record<RaciRole, number> = { A: 0, R: 1, C: 2, I: 3 };

// Per report: the names do not change while a report is kept, and are read by every request for its table.
const namesByReport = new WeakMap<object, GapTableNames>();

export function gapTableNamesOf(report: { catalog: ReportCatalog; people: Map<number, RulePerson> }): GapTableNames {
  const kept = namesByReport.get(report);
  if (kept) return kept;
  const { catalog } = report;
  const names: GapTableNames = {
    assets: new Map(catalog.assets.map((asset) => [asset.key, asset.name])),
    concerns: new Map(catalog.concerns.map((concern) => [concern.key, concern.name])),
    people: new Map(catalog.people.map((person) => [person.id, { name: person.name, active: report.people.get(person.id)?.active ?? false }])),
  };
  namesByReport.set(report, names);
  return names;
}

/** The table's rows for all the given cells, in their order (the CSV export writes every row). */
export function listGapTableRows(cells: EvaluatedCell[], names: GapTableNames): GapTableRow[] {
  return cells.map((cell) => toRow(cell, names));
}

/**
 * One sorted page of the gap table, built on the server so only 25 rows reach the page. The cells are
 * sorted by what the columns compare, without names or holders, so only the page's rows are built.
 */
export function buildGapTable(
  cells: EvaluatedCell[],
  options: { sort?: GapTableSort; page?: number; pageSize?: number },
  names: GapTableNames,
): GapTable {
  const sort = options.sort ?? DEFAULT_GAP_TABLE_SORT;
  const pageSize = options.pageSize ?? GAP_TABLE_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(cells.length / pageSize));
  const requested = options.page ?? 1;
  const page = Number.isInteger(requested) ? Math.min(Math.max(requested, 1), pages) : 1;
  const keys = cells.map(sortKeyOf);
  const compare = ROW_COMPARATORS[sort.column];
  keys.sort((a, b) => (sort.descending ? compare(b, a) : compare(a, b)) || compareRowRanking(a, b));
  const rows = keys.slice((page - 1) * pageSize, page * pageSize).map((key) => toRow(key.cell, names));
  return { rows, total: cells.length, page, pageSize, pages, sort };
}

/** What the table's columns sort by. */
type SortKey = Pick<GapTableRow, "assetKey" | "concernKey" | "highestSeverity" | "criticality" | "score" | "lastConfirmed">;

function sortKeyOf(cell: EvaluatedCell): SortKey & { cell: EvaluatedCell } {
  return {
    cell,
    assetKey: cell.assetKey,
    concernKey: cell.concernKey,
    highestSeverity: highestSeverityOf(cell.gaps),
    criticality: cell.assetCriticality,
    score: cell.score,
    lastConfirmed: lastConfirmationOf(cell),
  };
}

function toRow(cell: EvaluatedCell, names: GapTableNames): GapTableRow {
  const holders = cell.holders
    .map((holder) => {
      const person = names.people.get(holder.personId);
      return { personId: holder.personId, name: person?.name ?? `Person ${holder.personId}`, role: holder.role, active: person?.active ?? false };
    })
    .filter((holder, index, list) => list.findIndex((other) => other.personId === holder.personId && other.role === holder.role) === index)
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || compareText(a.name, b.name));
  return {
    assetKey: cell.assetKey,
    assetName: names.assets.get(cell.assetKey) ?? cell.assetKey,
    concernKey: cell.concernKey,
    concernName: names.concerns.get(cell.concernKey) ?? cell.concernKey,
    gaps: cell.gaps,
    highestSeverity: highestSeverityOf(cell.gaps),
    criticality: cell.assetCriticality,
    score: cell.score,
    holders,
    hasAccountable: cell.holders.some((holder) => holder.role === "A"),
    lastConfirmed: lastConfirmationOf(cell),
  };
}

function highestSeverityOf(gaps: readonly Gap[]): Severity | null {
  return gaps.reduce<Severity | null>((worst, gap) => (worst === null || SEVERITY_WEIGHT[gap.severity] > SEVERITY_WEIGHT[worst] ? gap.severity : worst), null);
}

/** The latest confirmation among the accountable holders; null when none was ever confirmed. */
function lastConfirmationOf(cell: EvaluatedCell): Date | null {
  let latest: Date | null = null;
  for (const holder of cell.holders) {
    if (holder.role === "A" && holder.confirmedAt && (latest === null || holder.confirmedAt.getTime() > latest.getTime())) latest = holder.confirmedAt;
  }
  return latest;
}

type RowComparator = (a: SortKey, b: SortKey) => number;

const compareRowRanking: RowComparator = (a, b) => b.score - a.score || compareCellKeys(a, b);

/** Ascending comparisons; "never confirmed" is the oldest and "no gap" the mildest. */
const ROW_COMPARATORS: Record<GapTableColumn, RowComparator> = {
  asset: (a, b) => compareText(a.assetKey, b.assetKey) || compareText(a.concernKey, b.concernKey),
  concern: (a, b) => compareText(a.concernKey, b.concernKey) || compareText(a.assetKey, b.assetKey),
  severity: (a, b) => severityWeight(a.highestSeverity) - severityWeight(b.highestSeverity),
  criticality: (a, b) => CRITICALITY_WEIGHT[a.criticality] - CRITICALITY_WEIGHT[b.criticality],
  score: (a, b) => a.score - b.score,
  lastConfirmed: (a, b) => confirmedTime(a) - confirmedTime(b),
};

function confirmedTime(row: SortKey): number {
  return row.lastConfirmed?.getTime() ?? Number.MIN_SAFE_INTEGER;
}

function severityWeight(severity: Severity | null): number {
  return severity ? SEVERITY_WEIGHT[severity] : 0;
}
