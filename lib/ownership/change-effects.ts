import { effectOfAction } from "@/lib/audit/actions";
import type { DataChange } from "@/lib/cache/kept-figures";

/**
 * What a recorded write can have changed, by the effect its audit action declares (lib/audit/actions.ts),
 * so that figures kept between requests are brought up to date instead of computed again
 * (lib/cache/kept-figures.ts).
 */

export type CellEffect = { kind: "none" } | { kind: "cell"; name: string } | { kind: "review-cells"; reviewId: number } | { kind: "any" };

/** Which cells a write may have changed: none, one (by `assetKey/concernKey`), those of a review, or any. */
export function cellEffectOf(change: DataChange): CellEffect {
  const effect = effectOfAction(change.action);
  if (effect === "cell" && change.entityType === "cell") return { kind: "cell", name: change.entityId };
  if (effect === "review-cells" && change.entityType === "review") return { kind: "review-cells", reviewId: Number(change.entityId) };
  if (effect === "none") return { kind: "none" };
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
