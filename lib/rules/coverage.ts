import { listHolderIds } from "./holders";
import type { ConcernHome, CoverageFigure, CoverageSummary, EvaluatedCell, RulePerson } from "./types";

/** Coverage of the in-scope cells among `cells`; percent is null rather than 0 when nothing is in scope. */
export function coverageOf(cells: readonly EvaluatedCell[]): CoverageFigure {
  let inScope = 0;
  let covered = 0;
  for (const cell of cells) {
    if (!cell.inScope) continue;
    inScope += 1;
    if (cell.covered) covered += 1;
  }
  return coverageFigure(inScope, covered);
}

/** A coverage figure from its counts: the one place the percentage is rounded. */
export function coverageFigure(inScope: number, covered: number): CoverageFigure {
  // Integer numerator before dividing keeps halves exact, so 1/16 rounds to 6.3 on every platform.
  const percent = inScope === 0 ? null : Math.round((covered * 1000) / inScope) / 10;
  return { inScope, covered, percent };
}

/** Coverage of the in-scope cells among `cells` per concern home; every home is present. */
export function coverageByHome(cells: readonly EvaluatedCell[]): Record<ConcernHome, CoverageFigure> {
  const byHome: Record<ConcernHome, EvaluatedCell[]> = { marketing: [], it: [], shared: [] };
  for (const cell of cells) byHome[cell.concernHome].push(cell);
  return { marketing: coverageOf(byHome.marketing), it: coverageOf(byHome.it), shared: coverageOf(byHome.shared) };
}

/**
 * Coverage overall, per concern home, asset kind, concern and team. Every home is always present.
 * Kinds, concerns and teams appear when some given cell mentions them, even if all those cells are out
 * of scope (their percent is then null), so a chart can show the row instead of silently dropping it.
 * A team's cells are those where a member (by the people map, active or not) holds A or R.
 */
export function summarizeCoverage(cells: EvaluatedCell[], people: Map<number, RulePerson>): CoverageSummary {
  const byKind = new Map<string, EvaluatedCell[]>();
  const byConcern = new Map<string, EvaluatedCell[]>();
  const byTeam = new Map<number, EvaluatedCell[]>();

  for (const cell of cells) {
    addToGroup(byKind, cell.assetKindKey, cell);
    addToGroup(byConcern, cell.concernKey, cell);
    for (const teamId of listOwnerTeamIds(cell, people)) addToGroup(byTeam, teamId, cell);
  }

  return {
    overall: coverageOf(cells),
    byHome: coverageByHome(cells),
    byKind: toCoverageRecord(byKind),
    byConcern: toCoverageRecord(byConcern),
    byTeam: toCoverageRecord(byTeam),
  };
}

// A cell counts once per team even when several members of that team hold it (a handful: an array).
function listOwnerTeamIds(cell: EvaluatedCell, people: Map<number, RulePerson>): number[] {
  const teamIds: number[] = [];
  for (const personId of listHolderIds(cell, ["A", "R"])) {
    const teamId = people.get(personId)?.teamId;
    if (teamId !== undefined && teamId !== null && !teamIds.includes(teamId)) teamIds.push(teamId);
  }
  return teamIds;
}

function addToGroup<K>(groups: Map<K, EvaluatedCell[]>, key: K, cell: EvaluatedCell): void {
  const group = groups.get(key);
  if (group) group.push(cell);
  else groups.set(key, [cell]);
}

function toCoverageRecord<K extends string | number>(
  groups: Map<K, EvaluatedCell[]>,
): Record<K, CoverageFigure> {
  const record = {} as Record<K, CoverageFigure>;
  for (const [key, group] of groups) record[key] = coverageOf(group);
  return record;
}
