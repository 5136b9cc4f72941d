import { DateTime } from "luxon";
import {
  assetAsOf,
  assetExistedAt,
  cellHoldersAsOf,
  concernAsOf,
  cellInput,
  cellNumber,
  concernsByKindOf,
  coverageByHome,
  coverageFigure,
  coverageOf,
  isCellCovered,
  peopleAsOf,
  personAsOf,
  type AssignmentRecord,
  type AttributeHistory,
  type ConcernHome,
  type CoverageFigure,
  type EvaluatedCell,
  type Period,
  type PersonRecord,
  type RuleAsset,
  type RuleConcern,
  type RulePerson,
  type RuleSettings,
} from "@/lib/rules";
import { formatIsoWeek } from "@/lib/review/iso-week";
import { cellMatches, cellMatchesExceptGap } from "./build-report";
import type { ReportFilters } from "./filters";

/**
 * Everything coverage depends on, with its history: who held what when, which assets existed, and how
 * assets, concerns, people and teams were at any instant (`attributes`; the records are as they are now).
 */
export interface CoverageHistory {
  assets: RuleAsset[];
  concerns: RuleConcern[];
  /** Confirmations play no part in coverage, so they may be left empty. */
  assignments: AssignmentRecord[];
  people: PersonRecord[];
  attributes: AttributeHistory;
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

// Contributions are few distinct values: shared, so that moving a cell allocates nothing.
const CONTRIBUTIONS: Record<ConcernHome, [CellContribution, CellContribution]> = {
  marketing: [{ home: "marketing", covered: false }, { home: "marketing", covered: true }],
  it: [{ home: "it", covered: false }, { home: "it", covered: true }],
  shared: [{ home: "shared", covered: false }, { home: "shared", covered: true }],
};

type Counts = Record<"overall" | ConcernHome, { inScope: number; covered: number }>;

/**
 * Coverage at each of the given instants (ascending), by the same rules as the report at each instant.
 *
 * The first instant is evaluated in full; after that only the cells something happened to in between
 * (one of its assignments started or ended, its asset was created, retired or changed, its concern changed,
 * one of its holders left, came back or moved, a holder's team changed function) are evaluated again, so a
 * year of weeks costs one full evaluation plus the history's events.
 */
export function computeCoverageTrend(history: CoverageHistory, instants: Date[], filters: ReportFilters): TrendFigures[] {
  const times = instants.map((instant) => instant.getTime());
  if (times.some((time, i) => i > 0 && time < times[i - 1]!)) throw new RangeError("Trend instants must be in ascending order");
  const { cells, touchedBefore } = indexHistory(history, times);
  const onlyFilters = trendFilters(filters);
  const contributions: (CellContribution | undefined)[] = new Array(cells.length).fill(undefined);
  const evaluatedAt = new Int32Array(cells.length).fill(-1);
  const counts: Counts = { overall: zero(), marketing: zero(), it: zero(), shared: zero() };

  return instants.map((instant, pass) => {
    const people = peopleAsOf(history.people.map((person) => personAsOf(person, history.attributes, instant)), instant);
    const concerns = new Map(history.concerns.map((concern) => [concern.id, concernAsOf(concern, history.attributes, instant)]));
    const update = (index: number) => {
      if (evaluatedAt[index] === pass) return;
      evaluatedAt[index] = pass;
      const cell = cells[index]!;
      const after = contributionAt(assetAsOf(cell.asset, history.attributes, instant), concerns.get(cell.concern.id)!, cell.owners, instant, people, onlyFilters);
      const before = contributions[index];
      if (before === after) return;
      if (before) add(counts, before, -1);
      if (after) add(counts, after, 1);
      contributions[index] = after;
    };
    if (pass === 0) for (let index = 0; index < cells.length; index++) update(index);
    else for (const index of touchedBefore[pass]!) update(index);
    return figuresOf(counts);
  });
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

/** One asset x concern cell of the history, with the assignments that decide its coverage. */
interface HistoryCell {
  asset: RuleAsset;
  concern: RuleConcern;
  /** Its A and R assignments, past and present: coverage and the trend's filters look at no other role. */
  owners: AssignmentRecord[];
}

interface HistoryIndex {
  cells: HistoryCell[];
  /**
   * For each instant after the first, the cells (indexes into `cells`, possibly repeated) something
   * happened to since the instant before: only those can have changed.
   */
  touchedBefore: number[][];
}

function indexHistory(history: CoverageHistory, times: number[]): HistoryIndex {
  const { attributes } = history;
  // Every cell that existed at some time: an asset has one for each concern that applied, at any time, to
  // any kind it had. Whether it existed at an instant is decided there (`contributionAt`).
  const everApplied = history.concerns.map((concern) => ({
    ...concern,
    kindKeys: [...new Set([...concern.kindKeys, ...(attributes.concernKinds.get(concern.id) ?? []).map((period) => period.value)])],
  }));
  const concernsByKind = concernsByKindOf(everApplied);
  const cells: HistoryCell[] = [];
  const cellIndex = new Map<number, number>();
  const cellsOfConcern = new Map<number, number[]>();
  const touchedBefore: number[][] = times.map(() => []);
  // The pass that first sees something that happened at `at`: whatever happened by the first instant is seen
  // by its full evaluation, after the last by none (-1 for both).
  const passOf = (at: Date | null) => {
    if (!at) return -1;
    const pass = firstInstantFrom(times, at.getTime());
    return pass > 0 && pass < times.length ? pass : -1;
  };
  const touch = (at: Date | null, index: number) => {
    const pass = passOf(at);
    if (pass !== -1) touchedBefore[pass]!.push(index);
  };
  // A change of an asset, a concern, a person or a team touches all of its cells: found once per period.
  const touchAll = (periods: readonly Period<unknown>[] | undefined, indexes: readonly number[]) => {
    for (const period of periods ?? []) {
      for (const at of [period.startedAt, period.endedAt]) {
        const pass = passOf(at);
        if (pass !== -1) for (const index of indexes) touchedBefore[pass]!.push(index);
      }
    }
  };
  for (const asset of history.assets) {
    const first = cells.length;
    const kinds = new Set([asset.kindKey, ...(attributes.assets.get(asset.id) ?? []).map((period) => period.value.kindKey)]);
    const applied = new Set([...kinds].flatMap((kind) => (concernsByKind.get(kind) ?? []).map((concern) => concern.id)));
    for (const concern of history.concerns) {
      if (!applied.has(concern.id)) continue;
      cellIndex.set(cellNumber(asset.id, concern.id), cells.length);
      const ofConcern = cellsOfConcern.get(concern.id);
      if (ofConcern) ofConcern.push(cells.length);
      else cellsOfConcern.set(concern.id, [cells.length]);
      cells.push({ asset, concern, owners: [] });
    }
    const own = Array.from({ length: cells.length - first }, (_unused, i) => first + i);
    for (const index of own) {
      touch(asset.createdAt, index);
      touch(asset.retiredAt, index);
    }
    touchAll(attributes.assets.get(asset.id), own);
  }
  for (const concern of history.concerns) {
    const own = cellsOfConcern.get(concern.id) ?? [];
    touchAll(attributes.concernHomes.get(concern.id), own);
    touchAll(attributes.concernKinds.get(concern.id), own);
  }
  const cellsByPerson = new Map<number, number[]>();
  for (const assignment of history.assignments) {
    if (assignment.role !== "A" && assignment.role !== "R") continue;
    const index = cellIndex.get(cellNumber(assignment.assetId, assignment.concernId));
    // An assignment to a concern that never applied to the asset's kind makes no cell.
    if (index === undefined) continue;
    cells[index]!.owners.push(assignment);
    const held = cellsByPerson.get(assignment.personId);
    if (held) held.push(index);
    else cellsByPerson.set(assignment.personId, [index]);
    touch(assignment.startedAt, index);
    touch(assignment.endedAt, index);
  }
  for (const person of history.people) {
    const held = cellsByPerson.get(person.id) ?? [];
    for (const index of held) touch(person.deactivatedAt, index);
    const periods = attributes.people.get(person.id);
    touchAll(periods, held);
    // A team that changed function changes the side of everyone who was ever in it.
    const teams = new Set([person.teamId, ...(periods ?? []).map((period) => period.value.teamId)]);
    for (const team of teams) if (team !== null) touchAll(attributes.teamFunctions.get(team), held);
  }
  return { cells, touchedBefore };
}

/** The index of the first of the ascending `times` at or after `time`; `times.length` when there is none. */
function firstInstantFrom(times: number[], time: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle]! < time) low = middle + 1;
    else high = middle;
  }
  return low;
}

// What one cell adds to the counts at `instant`, its asset and concern as they were then: nothing when it did
// not exist (the asset not yet created, the concern not applying to the asset's kind then), is out of scope
// or filtered out.
function contributionAt(
  asset: RuleAsset,
  concern: RuleConcern,
  owners: readonly AssignmentRecord[],
  instant: Date,
  people: Map<number, RulePerson>,
  filters: ReportFilters,
): CellContribution | undefined {
  if (!assetExistedAt(asset, instant) || !concern.kindKeys.includes(asset.kindKey)) return undefined;
  const input = cellInput(asset, concern, cellHoldersAsOf(owners, instant), null, instant);
  if (!input.inScope || !cellMatchesExceptGap(input, filters, people)) return undefined;
  return CONTRIBUTIONS[input.concernHome][isCellCovered(input, people) ? 1 : 0];
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

/**
 * The moments of a trend of `weeks` points ending at `asOf`: the end of each earlier ISO week's Sunday, then
 * `asOf` itself, in the organisation's time zone. Each point carries the as-of date that shows the report for
 * that moment (see `reportInstant`), so clicking a point lands on exactly the figures it plotted.
 */
export function trendInstants(asOf: Date, weeks: number, timeZone: string): { week: string; at: Date; asOfDate: string }[] {
  const today = DateTime.fromJSDate(asOf, { zone: timeZone }).startOf("day");
  if (!today.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`);
  // Luxon's weeks are ISO weeks: they start on Monday.
  const thisMonday = today.startOf("week");
  const pointOf = (day: DateTime, at: Date) => ({ week: formatIsoWeek(day.weekYear, day.weekNumber), at, asOfDate: day.toISODate()! });
  const points: { week: string; at: Date; asOfDate: string }[] = [];
  for (let back = weeks - 1; back >= 1; back -= 1) {
    const nextMonday = thisMonday.minus({ weeks: back - 1 });
    points.push(pointOf(nextMonday.minus({ days: 1 }), nextMonday.minus({ milliseconds: 1 }).toJSDate()));
  }
  points.push(pointOf(today, asOf));
  return points;
}
