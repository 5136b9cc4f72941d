import { compareText } from "./order";
import { listHolderIds } from "./holders";
import type { EvaluatedCell, PersonLoad, RulePerson, RuleSettings } from "./types";

interface LoadTally {
  person: RulePerson;
  accountableCells: number;
  highCriticalCells: number;
  cellsByConcern: Map<string, number>;
}

/**
 * Person load (single points of failure) of DESIGN.md section 3, for every active person, with 0 for
 * those accountable for nothing; inactive holders are reported by the `inactive-owner` gap instead. The
 * cells are the whole organisation's (the shares are of each concern's in-scope cells): a report's
 * filters choose whom to list, never what a person's load is. Sorted by accountableCells descending,
 * then email.
 */
export function computePersonLoad(
  cells: EvaluatedCell[],
  people: Map<number, RulePerson>,
  settings: RuleSettings,
): PersonLoad[] {
  const concernSizes = new Map<string, number>();
  const tallies = new Map<number, LoadTally>();
  for (const person of people.values()) {
    if (person.active) tallies.set(person.id, { person, accountableCells: 0, highCriticalCells: 0, cellsByConcern: new Map() });
  }

  for (const cell of cells) {
    if (!cell.inScope) continue;
    concernSizes.set(cell.concernKey, (concernSizes.get(cell.concernKey) ?? 0) + 1);
    for (const personId of listHolderIds(cell, ["A"])) {
      const tally = tallies.get(personId);
      if (!tally) continue;
      tally.accountableCells += 1;
      if (cell.assetCriticality === "high" || cell.assetCriticality === "critical")
        tally.highCriticalCells += 1;
      tally.cellsByConcern.set(cell.concernKey, (tally.cellsByConcern.get(cell.concernKey) ?? 0) + 1);
    }
  }

  return [...tallies.values()]
    .map((tally) => toPersonLoad(tally, concernSizes, settings))
    .sort((a, b) => b.accountableCells - a.accountableCells || compareText(a.email, b.email));
}

function toPersonLoad(
  tally: LoadTally,
  concernSizes: Map<string, number>,
  settings: RuleSettings,
): PersonLoad {
  const overloadReasons: string[] = [];
  if (tally.highCriticalCells > settings.overloadHighCriticalCells) overloadReasons.push("high-critical");
  const concernKeys = [...tally.cellsByConcern.keys()].sort(compareText);
  for (const concernKey of concernKeys) {
    const held = tally.cellsByConcern.get(concernKey) ?? 0;
    const size = concernSizes.get(concernKey) ?? 0;
    // Compare held/size > pct/100 in integers so exactly 25% is never pushed over by rounding.
    if (size >= settings.overloadConcernMinCells && held * 100 > settings.overloadConcernSharePct * size) {
      overloadReasons.push(`concern:${concernKey}`);
    }
  }
  return {
    personId: tally.person.id,
    email: tally.person.email,
    accountableCells: tally.accountableCells,
    highCriticalCells: tally.highCriticalCells,
    overloaded: overloadReasons.length > 0,
    overloadReasons,
  };
}
