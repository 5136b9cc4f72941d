import type { Criticality, GapType, RuleSettings, Severity } from "./types";

/** Severity weights of DESIGN.md section 3, multiplied by the criticality weight into a cell's score. */
export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = Object.freeze({
  critical: 5,
  high: 3,
  medium: 2,
});

/** Asset criticality weights; critical jumps to 5 so one critical asset outweighs a high one clearly. */
export const CRITICALITY_WEIGHT: Readonly<Record<Criticality, number>> = Object.freeze({
  low: 1,
  medium: 2,
  high: 3,
  critical: 5,
});

export const GAP_SEVERITY: Readonly<Record<GapType, Severity>> = Object.freeze({
  "no-accountable": "critical",
  "multiple-accountable": "high",
  "no-responsible": "high",
  "inactive-owner": "critical",
  "one-sided": "medium",
  stale: "medium",
  flagged: "high",
});

/**
 * Gap types in the order of the DESIGN.md table. A cell lists its gaps in this order, and the CSV export
 * relies on it, so the order is part of the contract.
 */
export const GAP_TYPES: readonly GapType[] = Object.freeze([
  "no-accountable",
  "multiple-accountable",
  "no-responsible",
  "inactive-owner",
  "one-sided",
  "stale",
  "flagged",
]);

/** The documented defaults; the organisation's settings override them. */
export const DEFAULT_RULE_SETTINGS: Readonly<RuleSettings> = Object.freeze({
  timeZone: "UTC",
  staleAfterDays: 28,
  overloadHighCriticalCells: 15,
  overloadConcernSharePct: 25,
  overloadConcernMinCells: 20,
});
