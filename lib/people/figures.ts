import { cache } from "react";
import { getPrisma } from "@/lib/db/client";
import { loadCurrentSnapshot } from "@/lib/ownership/current-snapshot";
import type { OwnershipSnapshot } from "@/lib/ownership/snapshot";
import {
  computePersonLoad,
  summarizeCoverage,
  type CoverageFigure,
  type EvaluatedCell,
  type PersonLoad,
  type RaciRole,
} from "@/lib/rules";
import { compareCellKeys } from "@/lib/rules/order";

/**
 * What the people and team screens show from the rules engine: coverage per team, each person's load,
 * and the cells they hold. Computed from one ownership snapshot, loaded once per request.
 */
export interface OwnershipFigures {
  snapshot: OwnershipSnapshot;
  coverageByTeam: Record<number, CoverageFigure>;
  loads: Map<number, PersonLoad>;
}

export function computeOwnershipFigures(snapshot: OwnershipSnapshot): OwnershipFigures {
  const loads = computePersonLoad(snapshot.cells, snapshot.people, snapshot.settings);
  return {
    snapshot,
    coverageByTeam: summarizeCoverage(snapshot.cells, snapshot.people).byTeam,
    loads: new Map(loads.map((load) => [load.personId, load])),
  };
}

/** React's `cache` makes every call within one request share the snapshot. */
export const loadOwnershipFigures = cache(async (): Promise<OwnershipFigures> =>
  computeOwnershipFigures(await loadCurrentSnapshot(getPrisma())),
);

export const RACI_ROLES: readonly RaciRole[] = ["A", "R", "C", "I"];

/** Asset and concern names, for listing cells the way people read them. */
export interface CellNames {
  assetNames: ReadonlyMap<number, string>;
  concernNames: ReadonlyMap<string, string>;
}

/** Cells in scope before retired ones, the worst gaps first, then by asset and concern name. */
export function sortCellsForList(cells: readonly EvaluatedCell[], names: CellNames): EvaluatedCell[] {
  const assetName = (cell: EvaluatedCell) => names.assetNames.get(cell.assetId) ?? cell.assetKey;
  const concernName = (cell: EvaluatedCell) => names.concernNames.get(cell.concernKey) ?? cell.concernKey;
  return [...cells].sort(
    (a, b) =>
      Number(b.inScope) - Number(a.inScope) ||
      b.score - a.score ||
      assetName(a).localeCompare(assetName(b), "en") ||
      concernName(a).localeCompare(concernName(b), "en") ||
      compareCellKeys(a, b),
  );
}

/** The cells a person currently holds, by role; a person holding A and R on one cell is listed under both. */
export function groupPersonCells(
  cells: readonly EvaluatedCell[],
  personId: number,
): Record<RaciRole, EvaluatedCell[]> {
  const groups: Record<RaciRole, EvaluatedCell[]> = { A: [], R: [], C: [], I: [] };
  for (const cell of cells) {
    const roles = new Set(
      cell.holders.filter((holder) => holder.personId === personId).map((holder) => holder.role),
    );
    for (const role of roles) groups[role].push(cell);
  }
  return groups;
}

export function sortPersonCells(
  groups: Record<RaciRole, EvaluatedCell[]>,
  names: CellNames,
): Record<RaciRole, EvaluatedCell[]> {
  const [A, R, C, I] = RACI_ROLES.map((role) => sortCellsForList(groups[role], names));
  return { A: A!, R: R!, C: C!, I: I! };
}

/** A team's cells as DESIGN.md defines them for team coverage: a member holds A or R. */
export function listTeamCells(snapshot: OwnershipSnapshot, teamId: number): EvaluatedCell[] {
  return snapshot.cells.filter((cell) =>
    cell.holders.some(
      (holder) =>
        (holder.role === "A" || holder.role === "R") &&
        snapshot.people.get(holder.personId)?.teamId === teamId,
    ),
  );
}

/** Each overload reason of `computePersonLoad` in a sentence, with the figures that triggered it. */
export function explainOverload(
  reason: string,
  load: PersonLoad,
  snapshot: OwnershipSnapshot,
  concernNames: ReadonlyMap<string, string>,
): string {
  const { settings } = snapshot;
  if (reason === "high-critical") {
    return `Accountable for ${load.highCriticalCells} cells on high or critical assets: more than ${settings.overloadHighCriticalCells}.`;
  }
  const concernKey = reason.startsWith("concern:") ? reason.slice("concern:".length) : null;
  if (concernKey === null) return reason;
  const concernCells = snapshot.cells.filter((cell) => cell.inScope && cell.concernKey === concernKey);
  const held = concernCells.filter((cell) =>
    cell.holders.some((holder) => holder.personId === load.personId && holder.role === "A"),
  ).length;
  const name = concernNames.get(concernKey) ?? concernKey;
  return `Accountable for ${held} of the ${concernCells.length} “${name}” cells: more than ${settings.overloadConcernSharePct}% of them.`;
}
