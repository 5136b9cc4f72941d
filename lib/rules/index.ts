/** DESIGN.md section 3 as pure functions: the page, the CSV export and the CLI all import from here. */
export * from "./types";
export {
  CRITICALITY_WEIGHT,
  DEFAULT_RULE_SETTINGS,
  GAP_SEVERITY,
  GAP_TYPES,
  SEVERITY_WEIGHT,
} from "./weights";
export { assignmentRecord, cellHoldersAsOf, cellKey, cellNumber, holdersAsOf, peopleAsOf } from "./as-of";
export { evaluateCell, evaluateCells, isCellCovered, scoreGaps } from "./evaluate-cell";
export { GAP_LABEL } from "./gap-labels";
export { rankGaps } from "./ranking";
export { coverageByHome, coverageFigure, coverageOf, summarizeCoverage } from "./coverage";
export { computePersonLoad } from "./person-load";
export { isCollaborationCell, rankHotspots, scoreHotspots, scoreHotspotsWithHolders, type ScoredHotspot } from "./hotspots";
export { rollUpHotspots } from "./hotspot-roll-up";
export { computeReviewScope, listTeamsWithScope } from "./review-scope";
export { assetExistedAt, buildCells, cellInput, concernsByKindOf, type RuleAsset, type RuleConcern } from "./build-cells";
export {
  assetAsOf,
  catalogAsOf,
  concernAsOf,
  periodAt,
  personAsOf,
  type AssetAttributes,
  type AttributeHistory,
  type Period,
  type PersonAttributes,
} from "./history";
