import { cellKey } from "./as-of";
import type { CellHolder, CellInput, ConcernHome, Criticality, ReviewDecision } from "./types";

/** An asset as the rules need it, with the dates that decide whether it was in scope as of a date. */
export interface RuleAsset {
  id: number;
  key: string;
  kindKey: string;
  criticality: Criticality;
  lifecycle: "planned" | "active" | "retired";
  createdAt: Date;
  /** When it was retired; null while it is not (or for a retired asset whose date is unknown). */
  retiredAt: Date | null;
}

export interface RuleConcern {
  id: number;
  key: string;
  home: ConcernHome;
  /** Keys of the asset kinds the concern applies to. */
  kindKeys: readonly string[];
}

/**
 * Every cell that existed at `asOf`: one per asset and applicable concern, for assets created by then.
 * An asset retired after `asOf` was still in scope then; one retired without a date counts as retired.
 */
export function buildCells(
  assets: readonly RuleAsset[],
  concerns: readonly RuleConcern[],
  holders: ReadonlyMap<string, CellHolder[]>,
  latestDecisions: ReadonlyMap<string, ReviewDecision>,
  asOf: Date,
): CellInput[] {
  const concernsByKind = concernsByKindOf(concerns);
  const cells: CellInput[] = [];
  for (const asset of assets) {
    if (!assetExistedAt(asset, asOf)) continue;
    for (const concern of concernsByKind.get(asset.kindKey) ?? []) {
      const key = cellKey(asset.id, concern.id);
      cells.push(cellInput(asset, concern, holders.get(key) ?? [], latestDecisions.get(key) ?? null, asOf));
    }
  }
  return cells;
}

/** The concerns that apply to each asset kind, in the order given: an asset has a cell for each of its kind's. */
export function concernsByKindOf(concerns: readonly RuleConcern[]): Map<string, RuleConcern[]> {
  const byKind = new Map<string, RuleConcern[]>();
  for (const concern of concerns) {
    for (const kindKey of concern.kindKeys) {
      const list = byKind.get(kindKey);
      if (list) list.push(concern);
      else byKind.set(kindKey, [concern]);
    }
  }
  return byKind;
}

/** Whether an asset had been created by `asOf`: before that it has no cells at all. */
export function assetExistedAt(asset: RuleAsset, asOf: Date): boolean {
  return asset.createdAt.getTime() <= asOf.getTime();
}

/** One cell of an asset that existed at `asOf` (see `assetExistedAt`), with its holders and latest decision then. */
export function cellInput(
  asset: Pick<RuleAsset, "id" | "key" | "kindKey" | "criticality" | "lifecycle" | "retiredAt">,
  concern: Pick<RuleConcern, "id" | "key" | "home">,
  holders: CellHolder[],
  latestReviewDecision: ReviewDecision | null,
  asOf: Date,
): CellInput {
  const retired = asset.lifecycle === "retired" && (asset.retiredAt === null || asset.retiredAt <= asOf);
  return {
    assetId: asset.id,
    assetKey: asset.key,
    assetKindKey: asset.kindKey,
    assetCriticality: asset.criticality,
    inScope: !retired,
    concernId: concern.id,
    concernKey: concern.key,
    concernHome: concern.home,
    holders,
    latestReviewDecision,
  };
}
