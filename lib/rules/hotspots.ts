import { cellNumber } from "./as-of";
import { includesBothFunctions, listHolderIds } from "./holders";
import { compareCellKeys } from "./order";
import { CRITICALITY_WEIGHT } from "./weights";
import type { CellActivity, CellInput, EvaluatedCell, Hotspot, RulePerson } from "./types";

const WEEK_MS = 7 * 86_400_000;

/** The roles whose holders make a cell a place where marketing and IT work together. */
export const COLLABORATION_ROLES = ["A", "R", "C"] as const;

/** A cell whose A, R and C holders include both a marketing and an IT person (inactive ones too). */
export function isCollaborationCell(cell: CellInput, people: Map<number, RulePerson>): boolean {
  return includesBothFunctions(listHolderIds(cell, COLLABORATION_ROLES), people);
}

/**
 * Collaboration hotspot scores of DESIGN.md section 3 for in-scope collaboration cells, highest first,
 * ties by asset key then concern key. The window is (asOf - windowWeeks, asOf]: an event exactly at
 * asOf counts, one exactly windowWeeks earlier belongs to the previous window.
 *
 * Assignment events count as ownership changes unless their assignment came from an import, for its
 * start and its end alike; an event without a source is not an import and counts.
 */
export function scoreHotspots(
  cells: EvaluatedCell[],
  people: Map<number, RulePerson>,
  activity: CellActivity[],
  asOf: Date,
  windowWeeks = 8,
): Hotspot[] {
  const end = asOf.getTime();
  const start = end - windowWeeks * WEEK_MS;
  const activityByCell = new Map<number, CellActivity[]>();
  for (const event of activity) {
    const at = event.at.getTime();
    if (at <= start || at > end) continue;
    const key = cellNumber(event.assetId, event.concernId);
    const events = activityByCell.get(key) ?? [];
    events.push(event);
    activityByCell.set(key, events);
  }

  const hotspots: Hotspot[] = [];
  for (const cell of cells) {
    if (!cell.inScope || !isCollaborationCell(cell, people)) continue;
    const events = activityByCell.get(cellNumber(cell.assetId, cell.concernId));
    let flags = 0;
    let handoffs = 0;
    let ownershipChanges = 0;
    for (const event of events ?? []) {
      if (event.kind === "flag") flags += 1;
      else if (event.kind === "handoff") handoffs += 1;
      else if (isOwnershipChange(event)) ownershipChanges += 1;
    }
    const distinctHolders = listHolderIds(cell, COLLABORATION_ROLES).length;
    const base = 1 + 2 * flags + ownershipChanges + handoffs + Math.max(0, distinctHolders - 2);
    hotspots.push({
      assetId: cell.assetId,
      assetKey: cell.assetKey,
      concernId: cell.concernId,
      concernKey: cell.concernKey,
      score: base * CRITICALITY_WEIGHT[cell.assetCriticality],
      flags,
      ownershipChanges,
      handoffs,
      distinctHolders,
    });
  }
  return hotspots.sort((a, b) => b.score - a.score || compareCellKeys(a, b));
}

// Imports replay ownership that already existed elsewhere, so they are not churn between the teams.
function isOwnershipChange(event: CellActivity): boolean {
  return (
    (event.kind === "assignment-started" || event.kind === "assignment-ended") && event.source !== "import"
  );
}
