import {
  computePersonLoad,
  coverageOf,
  rankGaps,
  rollUpHotspots,
  rankHotspots,
  scoreHotspotsWithHolders,
  summarizeCoverage,
  type CellActivity,
  type CellInput,
  type CoverageFigure,
  type EvaluatedCell,
  type GapType,
  type RulePerson,
  type RuleSettings,
  type Severity,
} from "@/lib/rules";
import type { ReportFilters } from "./filters";

/** Names the report shows next to keys and ids. */
export interface ReportCatalog {
  teams: { id: number; name: string; function: "marketing" | "it" | "other" }[];
  kinds: { key: string; label: string }[];
  concerns: { key: string; name: string; home: "marketing" | "it" | "shared" }[];
  assets: { key: string; name: string }[];
  people: { id: number; name: string; email: string }[];
}

export interface GapRow {
  assetKey: string;
  concernKey: string;
  type: GapType;
  severity: Severity;
  score: number;
}

export interface Report {
  asOf: string;
  filters: ReportFilters;
  coverage: {
    overall: CoverageFigure;
    byFunction: Record<"marketing" | "it" | "shared", CoverageFigure>;
    byTeam: ({ teamId: number; team: string } & CoverageFigure)[];
    byKind: ({ kind: string } & CoverageFigure)[];
    byConcern: ({ concern: string } & CoverageFigure)[];
  };
  /** One row per asset x concern x gap type, ranked by the cell's score, then asset key, concern key. */
  gaps: GapRow[];
  hotspots: { assetKey: string; concernKey: string; score: number; flags: number; ownershipChanges: number; handoffs: number }[];
  hotspotsByConcern: { concernKey: string; score: number; cells: number }[];
  hotspotsByTeamPair: { marketingTeamId: number; marketingTeam: string; itTeamId: number; itTeam: string; score: number; cells: number }[];
  personLoad: { email: string; name: string; accountableCells: number; highCriticalCells: number; overloaded: boolean; overloadReasons: string[] }[];
  /** Gaps by type, each split by the teams whose members hold A or R on the cell ("no team" when none). */
  gapsByTypeAndTeam: { type: GapType; byTeam: Record<string, number>; total: number }[];
  /** Coverage % of every asset kind x concern pair that has cells in scope. */
  heatmap: { kind: string; concern: string; inScope: number; covered: number; percent: number | null }[];
}

export interface ReportInput {
  asOf: Date;
  filters: ReportFilters;
  cells: EvaluatedCell[];
  people: Map<number, RulePerson>;
  activity: CellActivity[];
  settings: RuleSettings;
  catalog: ReportCatalog;
}

/** True when the cell passes every filter except the gap type, which selects gap rows, not cells. */
export function cellMatches(cell: EvaluatedCell, filters: ReportFilters, people: Map<number, RulePerson>): boolean {
  if (!cellMatchesExceptGap(cell, filters, people)) return false;
  if (filters.gap && !cell.gaps.some((gap) => gap.type === filters.gap)) return false;
  return true;
}

/** `cellMatches` for every filter but the gap type, which only an evaluated cell has. */
export function cellMatchesExceptGap(cell: CellInput, filters: Omit<ReportFilters, "gap">, people: Map<number, RulePerson>): boolean {
  if (filters.kind && cell.assetKindKey !== filters.kind) return false;
  if (filters.concern && cell.concernKey !== filters.concern) return false;
  if (filters.criticality && cell.assetCriticality !== filters.criticality) return false;
  if (filters.function && cell.concernHome !== filters.function) return false;
  if (filters.team !== undefined) {
    const held = cell.holders.some((h) => (h.role === "A" || h.role === "R") && people.get(h.personId)?.teamId === filters.team);
    if (!held) return false;
  }
  return true;
}

/** A ranked cell's rows of the report: one per gap, in the rules' order of gap types, narrowed to the filtered type. */
export function gapRowsOf(cell: EvaluatedCell, filters: Pick<ReportFilters, "gap">): GapRow[] {
  return cell.gaps
    .filter((gap) => !filters.gap || gap.type === filters.gap)
    .map((gap) => ({ assetKey: cell.assetKey, concernKey: cell.concernKey, type: gap.type, severity: gap.severity, score: cell.score }));
}

/** The whole gap report from evaluated cells: one pure function behind the page, the CSV and the CLI. */
export function buildReport(input: ReportInput): Report {
  const { filters, people, catalog } = input;
  const cells = input.cells.filter((cell) => cell.inScope && cellMatches(cell, filters, people));
  const summary = summarizeCoverage(cells, people);
  const teamName = new Map(catalog.teams.map((team) => [team.id, team.name]));
  const personById = new Map(catalog.people.map((person) => [person.id, person]));

  const gaps: GapRow[] = rankGaps(cells).flatMap((cell) => gapRowsOf(cell, filters));

  const scoredHotspots = scoreHotspotsWithHolders(cells, people, input.activity, input.asOf);
  const hotspots = rankHotspots(scoredHotspots.map(({ hotspot }) => hotspot));
  const rollUps = rollUpHotspots(scoredHotspots, people);

  const gapsByType = new Map<GapType, { byTeam: Record<string, number>; total: number }>();
  for (const cell of cells) {
    if (cell.gaps.length === 0) continue;
    const teams: string[] = [];
    for (const holder of cell.holders) {
      if (holder.role !== "A" && holder.role !== "R") continue;
      const teamId = people.get(holder.personId)?.teamId;
      if (teamId === null || teamId === undefined) continue;
      const team = teamName.get(teamId) ?? `Team ${teamId}`;
      if (!teams.includes(team)) teams.push(team);
    }
    for (const gap of cell.gaps) {
      if (filters.gap && gap.type !== filters.gap) continue;
      const entry = gapsByType.get(gap.type) ?? { byTeam: {}, total: 0 };
      entry.total += 1;
      for (const team of teams.length ? teams : ["No team"]) entry.byTeam[team] = (entry.byTeam[team] ?? 0) + 1;
      gapsByType.set(gap.type, entry);
    }
  }

  // Squares in the order their first cell comes; found by kind, then concern, without a string per cell.
  const heatmapSquares: { kind: string; concern: string; cells: EvaluatedCell[] }[] = [];
  const squareOf = new Map<string, Map<string, EvaluatedCell[]>>();
  for (const cell of cells) {
    let byConcern = squareOf.get(cell.assetKindKey);
    if (!byConcern) squareOf.set(cell.assetKindKey, (byConcern = new Map()));
    let list = byConcern.get(cell.concernKey);
    if (!list) {
      byConcern.set(cell.concernKey, (list = []));
      heatmapSquares.push({ kind: cell.assetKindKey, concern: cell.concernKey, cells: list });
    }
    list.push(cell);
  }

  return {
    asOf: input.asOf.toISOString(),
    filters,
    coverage: {
      overall: summary.overall,
      byFunction: summary.byHome,
      byTeam: catalog.teams.map((team) => ({ teamId: team.id, team: team.name, ...(summary.byTeam[team.id] ?? emptyFigure()) })),
      byKind: catalog.kinds.filter((kind) => summary.byKind[kind.key]).map((kind) => ({ kind: kind.key, ...summary.byKind[kind.key]! })),
      byConcern: catalog.concerns
        .filter((concern) => summary.byConcern[concern.key])
        .map((concern) => ({ concern: concern.key, ...summary.byConcern[concern.key]! })),
    },
    gaps,
    hotspots: hotspots.map(({ assetKey, concernKey, score, flags, ownershipChanges, handoffs }) => ({ assetKey, concernKey, score, flags, ownershipChanges, handoffs })),
    hotspotsByConcern: rollUps.byConcern.map(({ concernKey, score, cells: count }) => ({ concernKey, score, cells: count })),
    hotspotsByTeamPair: rollUps.byTeamPair.map((pair) => ({
      marketingTeamId: pair.marketingTeamId,
      itTeamId: pair.itTeamId,
      marketingTeam: teamName.get(pair.marketingTeamId) ?? String(pair.marketingTeamId),
      itTeam: teamName.get(pair.itTeamId) ?? String(pair.itTeamId),
      score: pair.score,
      cells: pair.cells,
    })),
    personLoad: computePersonLoad(input.cells, people, input.settings)
      .filter((load) => isListedForLoad(people.get(load.personId), filters))
      .map((load) => ({
      email: load.email,
      name: personById.get(load.personId)?.name ?? load.email,
      accountableCells: load.accountableCells,
      highCriticalCells: load.highCriticalCells,
      overloaded: load.overloaded,
      overloadReasons: load.overloadReasons,
    })),
    gapsByTypeAndTeam: [...gapsByType.entries()].map(([type, entry]) => ({ type, ...entry })),
    heatmap: heatmapSquares.map(({ kind, concern, cells: list }) => ({ kind, concern, ...coverageOf(list) })),
  };
}

/**
 * Whom the person-load chart lists under the filters: a team's members, people of a function (both
 * sides for `shared`), everyone otherwise. The load itself is the whole organisation's.
 */
function isListedForLoad(person: RulePerson | undefined, filters: ReportFilters): boolean {
  if (!person) return false;
  if (filters.team !== undefined && person.teamId !== filters.team) return false;
  if (filters.function === "shared") return person.function === "marketing" || person.function === "it";
  if (filters.function) return person.function === filters.function;
  return true;
}

function emptyFigure(): CoverageFigure {
  return { inScope: 0, covered: 0, percent: null };
}

