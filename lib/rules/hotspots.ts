import { cellNumber } from "./as-of";
import { includesBothFunctions, isPersonActive, listHolderIds } from "./holders";
import { compareCellKeys } from "./order";
import { CRITICALITY_WEIGHT } from "./weights";
import type { CellActivity, CellInput, EvaluatedCell, Hotspot, RulePerson } from "./types";

const WEEK_MS = 7 * 86_400_000;

/** The roles whose holders make a cell a place where marketing and IT work together. */
export const COLLABORATION_ROLES = ["A", "R", "C"] as const;

/**
 * The people who make a cell a place of collaboration: its active A, R and C holders, distinct. A holder
 * who has left works with nobody any more, and counts neither for the two sides nor for the holders.
 */
export function listCollaborators(cell: CellInput, people: Map<number, RulePerson>): number[] {
  return listHolderIds(cell, COLLABORATION_ROLES).filter((personId) => isPersonActive(personId, people));
}

/** A cell whose active A, R and C holders include both a marketing and an IT person. */
export function isCollaborationCell(cell: CellInput, people: Map<number, RulePerson>): boolean {
  return includesBothFunctions(listCollaborators(cell, people), people);
}

/**
 * Collaboration hotspot scores of DESIGN.md section 3 for in-scope collaboration cells, highest first,
 * ties by asset key then concern key. The window is (asOf - windowWeeks, asOf]: an event exactly at
 * asOf counts, one exactly windowWeeks earlier belongs to the previous window.
 *
 * Ownership changes are the cell's assignments that started or ended in the window, each assignment once
 * (one both started and ended in it is one change), not counting those an import created; an event
 * without a source is not an import and counts.
 */
export function scoreHotspots(
  cells: EvaluatedCell[],
  people: Map<number, RulePerson>,
  activity: CellActivity[],
  asOf: Date,
  windowWeeks = 8,
): Hotspot[] {
  return rankHotspots(scoreHotspotsWithHolders(cells, people, activity, asOf, windowWeeks).map(({ hotspot }) => hotspot));
}

/** Highest score first, ties by asset key then concern key. Sorts in place. */
export function rankHotspots(hotspots: Hotspot[]): Hotspot[] {
  return hotspots.sort((a, b) => b.score - a.score || compareCellKeys(a, b));
}

/** A scored hotspot with its cell's active A, R and C holders (distinct people), which its roll-ups are made of. */
export interface ScoredHotspot {
  hotspot: Hotspot;
  holderIds: number[];
}

/**
 * The hotspots of `scoreHotspots` in the order of `cells` (rank them with `rankHotspots`), each with its
 * holders, so that `rollUpHotspots` need not find the cells again.
 */
export function scoreHotspotsWithHolders(
  cells: EvaluatedCell[],
  people: Map<number, RulePerson>,
  activity: CellActivity[],
  asOf: Date,
  windowWeeks = 8,
): ScoredHotspot[] {
  const end = asOf.getTime();
  const start = end - windowWeeks * WEEK_MS;
  // Counted per cell in one pass over the window's events: no list of events per cell to build and walk.
  const countsByCell = new Map<number, ActivityCounts>();
  const changedAssignments = new Set<number>();
  for (const event of activity) {
    const at = event.at.getTime();
    if (at <= start || at > end) continue;
    const kind = event.kind === "flag" ? "flags" : event.kind === "handoff" ? "handoffs" : isOwnershipChange(event) ? "ownershipChanges" : null;
    if (kind === null) continue;
    if (kind === "ownershipChanges" && event.assignmentId !== undefined) {
      if (changedAssignments.has(event.assignmentId)) continue;
      changedAssignments.add(event.assignmentId);
    }
    const key = cellNumber(event.assetId, event.concernId);
    let counts = countsByCell.get(key);
    if (!counts) countsByCell.set(key, (counts = { flags: 0, handoffs: 0, ownershipChanges: 0 }));
    counts[kind] += 1;
  }

  const scored: ScoredHotspot[] = [];
  for (const cell of cells) {
    if (!cell.inScope) continue;
    const holderIds = listCollaborators(cell, people);
    if (!includesBothFunctions(holderIds, people)) continue;
    const { flags, handoffs, ownershipChanges } = countsByCell.get(cellNumber(cell.assetId, cell.concernId)) ?? NO_ACTIVITY;
    const distinctHolders = holderIds.length;
    const base = 1 + 2 * flags + ownershipChanges + handoffs + Math.max(0, distinctHolders - 2);
    const hotspot: Hotspot = {
      assetId: cell.assetId,
      assetKey: cell.assetKey,
      concernId: cell.concernId,
      concernKey: cell.concernKey,
      score: base * CRITICALITY_WEIGHT[cell.assetCriticality],
      flags,
      ownershipChanges,
      handoffs,
      distinctHolders,
    };
    scored.push({ hotspot, holderIds });
  }
  return scored;
}

interface ActivityCounts {
  flags: number;
  handoffs: number;
  ownershipChanges: number;
}

const NO_ACTIVITY: ActivityCounts = { flags: 0, handoffs: 0, ownershipChanges: 0 };

// Imports replay ownership that already existed elsewhere, so they are not churn between the teams.
function isOwnershipChange(event: CellActivity): boolean {
  return (
    (event.kind === "assignment-started" || event.kind === "assignment-ended") && event.source !== "import"
  );
}
