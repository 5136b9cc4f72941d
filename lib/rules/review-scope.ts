import { cellKey } from "./as-of";
import { isCellCovered } from "./evaluate-cell";
import { listHolderIds } from "./holders";
import { compareCellKeys, compareCriticalityDesc } from "./order";
import type { CellInput, ConcernHome, EvaluatedCell, RulePerson, TeamFunction } from "./types";

/**
 * The cells of a team's weekly review (DESIGN.md section 3): in-scope cells where a member holds A or
 * R, uncovered in-scope cells whose concern home matches the team's function (shared ones go to both
 * marketing and IT teams, `other` teams get none), and in-scope cells handed off to the team.
 *
 * Members are people whose teamId is the team's, active or not: a departed member's cells are exactly
 * the ones the team must reassign. Retired cells are left out even when handed off, since they left
 * scope. Sorted critical assets first, then asset key and concern key, as the review lists them.
 */
export function computeReviewScope(
  team: { id: number; function: TeamFunction },
  cells: EvaluatedCell[],
  people: Map<number, RulePerson>,
  handedOffToTeam: { assetId: number; concernId: number }[],
): EvaluatedCell[] {
  const handedOff = new Set(handedOffToTeam.map((cell) => cellKey(cell.assetId, cell.concernId)));
  const scope = cells.filter(
    (cell) =>
      cell.inScope &&
      (isHeldByTeam(cell, team.id, people) ||
        (!cell.covered && isHomeOfTeam(cell, team.function)) ||
        handedOff.has(cellKey(cell.assetId, cell.concernId))),
  );
  return scope.sort(
    (a, b) => compareCriticalityDesc(a.assetCriticality, b.assetCriticality) || compareCellKeys(a, b),
  );
}

/**
 * The teams whose review scope (before hand-offs) holds at least one cell: `computeReviewScope(team, ...)
 * .length > 0` for each team, in one pass and without working out any cell's gaps, for the weeks of the
 * review history, where only whether a team had something to review matters.
 */
export function listTeamsWithScope(teams: readonly { id: number; function: TeamFunction }[], cells: readonly CellInput[], people: Map<number, RulePerson>): Set<number> {
  const holdingTeams = new Set<number>();
  const uncoveredHomes = new Set<ConcernHome>();
  for (const cell of cells) {
    if (!cell.inScope) continue;
    for (const personId of listHolderIds(cell, ["A", "R"])) {
      const teamId = people.get(personId)?.teamId;
      if (teamId !== null && teamId !== undefined) holdingTeams.add(teamId);
    }
    if (!isCellCovered(cell, people)) uncoveredHomes.add(cell.concernHome);
  }
  const hasUncoveredHome = (teamFunction: TeamFunction) =>
    teamFunction !== "other" && (uncoveredHomes.has("shared") || uncoveredHomes.has(teamFunction));
  return new Set(teams.filter((team) => holdingTeams.has(team.id) || hasUncoveredHome(team.function)).map((team) => team.id));
}

function isHeldByTeam(cell: EvaluatedCell, teamId: number, people: Map<number, RulePerson>): boolean {
  return listHolderIds(cell, ["A", "R"]).some((personId) => people.get(personId)?.teamId === teamId);
}

function isHomeOfTeam(cell: EvaluatedCell, teamFunction: TeamFunction): boolean {
  if (teamFunction === "other") return false;
  return cell.concernHome === "shared" || cell.concernHome === teamFunction;
}
