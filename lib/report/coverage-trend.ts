import {
  buildCells,
  cellKey,
  coverageByHome,
  coverageFigure,
  coverageOf,
  evaluateCell,
  holdersAsOf,
  peopleAsOf,
  type AssignmentRecord,
  type ConcernHome,
  type CoverageFigure,
  type EvaluatedCell,
  type PersonRecord,
  type RuleAsset,
  type RuleConcern,
  type RulePerson,
  type RuleSettings,
} from "@/lib/rules";
import { isoWeekOf } from "@/lib/review/iso-week";
import { cellMatches } from "./build-report";
import type { ReportFilters } from "./filters";

/** Everything coverage depends on, with its history: who held what when, who was active, which assets existed. */
export interface CoverageHistory {
  assets: RuleAsset[];
  concerns: RuleConcern[];
  /** Confirmations play no part in coverage, so they may be left empty. */
  assignments: AssignmentRecord[];
  people: PersonRecord[];
  settings: RuleSettings;
}

export interface TrendFigures {
  overall: CoverageFigure;
  marketing: CoverageFigure;
  it: CoverageFigure;
  shared: CoverageFigure;
}

/**
 * The filters a trend honours: all but the gap type (coverage of "cells with a stale gap" over time says
 * nothing useful) and the as-of date (the trend is the series of dates).
 */
export function trendFilters(filters: ReportFilters): ReportFilters {
  return { ...filters, gap: undefined, asOf: undefined };
}

interface CellContribution {
  home: ConcernHome;
  covered: boolean;
}

type Counts = Record<"overall" | ConcernHome, { inScope: number; covered: number }>;

/**
 * Coverage at each of the given instants (ascending), by the same rules as the report at each instant.
 *
 * The first instant is evaluated in full; after that only the cells something happened to in between
 * (an assignment started or ended, an asset created or retired, a holder deactivated) are evaluated
 * again, so a year of weeks costs one full evaluation plus the history's events.
 */
export function computeCoverageTrend(history: CoverageHistory, instants: Date[], filters: ReportFilters): TrendFigures[] {
  const index = indexHistory(history);
  const onlyFilters = trendFilters(filters);
  const contributions = new Map<string, CellContribution>();
  const counts: Counts = { overall: zero(), marketing: zero(), it: zero(), shared: zero() };
  const result: TrendFigures[] = [];
  let eventCursor = 0;
  let previous: number | null = null;

  for (const instant of instants) {
    const at = instant.getTime();
    if (previous !== null && at < previous) throw new RangeError("Trend instants must be in ascending order");
    let dirtyAssets: Set<number>;
    if (previous === null) {
      dirtyAssets = new Set(history.assets.map((asset) => asset.id));
      while (eventCursor < index.events.length && index.events[eventCursor]!.at <= at) eventCursor += 1;
    } else {
      dirtyAssets = new Set();
      while (eventCursor < index.events.length && index.events[eventCursor]!.at <= at) {
        for (const assetId of index.events[eventCursor]!.assetIds) dirtyAssets.add(assetId);
        eventCursor += 1;
      }
    }
    const people = peopleAsOf(history.people, instant);
    for (const assetId of dirtyAssets) {
      updateAsset(assetId, instant, people, index, history.settings, onlyFilters, contributions, counts);
    }
    result.push(figuresOf(counts));
    previous = at;
  }
  return result;
}

/**
 * The trend's figures of cells already evaluated (today's snapshot): the point a full reconstruction
 * would give at the snapshot's date, counted the same way.
 */
export function trendFiguresOfCells(cells: readonly EvaluatedCell[], people: Map<number, RulePerson>, filters: ReportFilters): TrendFigures {
  const onlyFilters = trendFilters(filters);
  const counted = cells.filter((cell) => cell.inScope && cellMatches(cell, onlyFilters, people));
  return { overall: coverageOf(counted), ...coverageByHome(counted) };
}

function figuresOf(counts: Counts): TrendFigures {
  return {
    overall: coverageFigure(counts.overall.inScope, counts.overall.covered),
    marketing: coverageFigure(counts.marketing.inScope, counts.marketing.covered),
    it: coverageFigure(counts.it.inScope, counts.it.covered),
    shared: coverageFigure(counts.shared.inScope, counts.shared.covered),
  };
}

interface HistoryIndex {
  assetsById: Map<number, RuleAsset>;
  concernsByKind: Map<string, RuleConcern[]>;
  assignmentsByAsset: Map<number, AssignmentRecord[]>;
  /** Moments at which coverage can change, ascending, with the assets whose cells they touch. */
  events: { at: number; assetIds: number[] }[];
}

function indexHistory(history: CoverageHistory): HistoryIndex {
  const assetsById = new Map(history.assets.map((asset) => [asset.id, asset]));
  const concernsByKind = new Map<string, RuleConcern[]>();
  for (const concern of history.concerns) {
    for (const kindKey of concern.kindKeys) concernsByKind.set(kindKey, [...(concernsByKind.get(kindKey) ?? []), concern]);
  }
  const assignmentsByAsset = new Map<number, AssignmentRecord[]>();
  const assetsByPerson = new Map<number, Set<number>>();
  const eventAssets = new Map<number, Set<number>>();
  const addEvent = (at: Date | null, assetId: number) => {
    if (!at) return;
    const time = at.getTime();
    const assets = eventAssets.get(time) ?? new Set<number>();
    assets.add(assetId);
    eventAssets.set(time, assets);
  };
  for (const assignment of history.assignments) {
    const list = assignmentsByAsset.get(assignment.assetId) ?? [];
    list.push(assignment);
    assignmentsByAsset.set(assignment.assetId, list);
    const held = assetsByPerson.get(assignment.personId) ?? new Set<number>();
    held.add(assignment.assetId);
    assetsByPerson.set(assignment.personId, held);
    addEvent(assignment.startedAt, assignment.assetId);
    addEvent(assignment.endedAt, assignment.assetId);
  }
  for (const asset of history.assets) {
    addEvent(asset.createdAt, asset.id);
    addEvent(asset.retiredAt, asset.id);
  }
  for (const person of history.people) {
    for (const assetId of assetsByPerson.get(person.id) ?? []) addEvent(person.deactivatedAt, assetId);
  }
  const events = [...eventAssets.entries()].map(([at, assets]) => ({ at, assetIds: [...assets] })).sort((a, b) => a.at - b.at);
  return { assetsById, concernsByKind, assignmentsByAsset, events };
}

// Re-evaluates every cell of one asset at `instant` and moves its contribution in the running counts.
function updateAsset(
  assetId: number,
  instant: Date,
  people: Map<number, RulePerson>,
  index: HistoryIndex,
  settings: RuleSettings,
  filters: ReportFilters,
  contributions: Map<string, CellContribution>,
  counts: Counts,
): void {
  const asset = index.assetsById.get(assetId);
  if (!asset) return;
  const concerns = index.concernsByKind.get(asset.kindKey) ?? [];
  const holders = holdersAsOf(index.assignmentsByAsset.get(assetId) ?? [], instant);
  const cells = buildCells([asset], concerns, holders, new Map(), instant);
  const seen = new Set<string>();
  for (const input of cells) {
    const key = cellKey(input.assetId, input.concernId);
    seen.add(key);
    const cell = evaluateCell(input, people, instant, settings);
    const counted = cell.inScope && cellMatches(cell, filters, people);
    move(contributions.get(key), counted ? { home: cell.concernHome, covered: cell.covered } : undefined, key, contributions, counts);
  }
  for (const concern of concerns) {
    const key = cellKey(assetId, concern.id);
    if (!seen.has(key)) move(contributions.get(key), undefined, key, contributions, counts);
  }
}

function move(
  before: CellContribution | undefined,
  after: CellContribution | undefined,
  key: string,
  contributions: Map<string, CellContribution>,
  counts: Counts,
): void {
  if (before) add(counts, before, -1);
  if (after) {
    add(counts, after, 1);
    contributions.set(key, after);
  } else {
    contributions.delete(key);
  }
}

function add(counts: Counts, contribution: CellContribution, sign: 1 | -1): void {
  for (const bucket of [counts.overall, counts[contribution.home]]) {
    bucket.inScope += sign;
    if (contribution.covered) bucket.covered += sign;
  }
}

function zero() {
  return { inScope: 0, covered: 0 };
}

const DAY_MS = 86_400_000;

/**
 * The moments of a trend of `weeks` points ending at `asOf`: the end (UTC) of each earlier ISO week's
 * Sunday, then `asOf` itself. Each point carries the as-of date that shows the report for that moment,
 * so clicking a point lands on exactly the figures it plotted.
 */
export function trendInstants(asOf: Date, weeks: number): { week: string; at: Date; asOfDate: string }[] {
  const startOfDay = Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate());
  const daysSinceMonday = (asOf.getUTCDay() + 6) % 7;
  const lastSunday = startOfDay - (daysSinceMonday + 1) * DAY_MS;
  const points: { week: string; at: Date; asOfDate: string }[] = [];
  for (let back = weeks - 1; back >= 1; back -= 1) {
    const sunday = lastSunday - (back - 1) * 7 * DAY_MS;
    points.push({ week: isoWeekOf(new Date(sunday), "UTC"), at: new Date(sunday + DAY_MS - 1), asOfDate: new Date(sunday).toISOString().slice(0, 10) });
  }
  points.push({ week: isoWeekOf(new Date(startOfDay), "UTC"), at: asOf, asOfDate: new Date(startOfDay).toISOString().slice(0, 10) });
  return points;
}

