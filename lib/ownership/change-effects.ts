import type { DataChange } from "@/lib/db/data-version";

/**
 * What a recorded write can have changed, by its audit event, so that figures kept between requests
 * are brought up to date instead of computed again (lib/db/data-version.ts).
 */

/** Writes that change no cell: drafts of a review, who manages it, passwords. */
const CHANGES_WITHOUT_CELLS = new Set(["review.opened", "review.manager-assigned", "review-item.decided", "review-item.cleared", "review.all-confirmed", "person.password-set"]);

/** Writes to one cell, all dated when they are made (imports write cells too, but their own event says "any"). */
const CELL_CHANGES = new Set(["assignment.added", "assignment.ended", "assignment.confirmed"]);

/** Review writes that change the cells the review decided: their latest decision is another one now. */
const REVIEW_CHANGES_OF_ITS_CELLS = new Set(["review.submitted", "review.reopened"]);

export type CellEffect = { kind: "none" } | { kind: "cell"; name: string } | { kind: "review-cells"; reviewId: number } | { kind: "any" };

/** Which cells a write may have changed: none, one (by `assetKey/concernKey`), those of a review, or any. */
export function cellEffectOf(change: DataChange): CellEffect {
  if (change.entityType === "cell" && CELL_CHANGES.has(change.action)) return { kind: "cell", name: change.entityId };
  if (change.entityType === "review" && REVIEW_CHANGES_OF_ITS_CELLS.has(change.action)) return { kind: "review-cells", reviewId: Number(change.entityId) };
  if (CHANGES_WITHOUT_CELLS.has(change.action)) return { kind: "none" };
  return { kind: "any" };
}

/**
 * Whether a write leaves the past as it was: cell edits and reviews take effect at the moment they are
 * made. People, assets, the catalog, settings and imports can change how any earlier week is reconstructed.
 */
export function leavesHistoryUnchanged(change: DataChange): boolean {
  return cellEffectOf(change).kind !== "any";
}

/** Whether none of the writes changed a cell (review drafts, passwords): figures of today stay as they are. */
export function changeNoCell(changes: readonly DataChange[]): boolean {
  return changes.every((change) => cellEffectOf(change).kind === "none");
}
