import { cellKey } from "./as-of";
import { listHolderIds } from "./holders";
import { compareCellKeys, compareCriticalityDesc } from "./order";
import type { EvaluatedCell, RulePerson, TeamFunction } from "./types";

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

function isHeldByTeam(cell: EvaluatedCell, teamId: number, people: Map<number, RulePerson>): boolean {
  return listHolderIds(cell, ["A", "R"]).some((personId) => people.get(personId)?.teamId === teamId);
}

function isHomeOfTeam(cell: EvaluatedCell, teamFunction: TeamFunction): boolean {
  if (teamFunction === "other") return false;
  return cell.concernHome === "shared" || cell.concernHome === teamFunction;
}
