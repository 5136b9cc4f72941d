/**
 * Plain data the rules of DESIGN.md section 3 work on. Nothing here knows about the database:
 * queries build these shapes, and the page, the CSV export and the CLI all call the same rules.
 */

export type TeamFunction = "marketing" | "it" | "other";
export type ConcernHome = "marketing" | "it" | "shared";
export type Criticality = "low" | "medium" | "high" | "critical";
export type RaciRole = "R" | "A" | "C" | "I";
export type AssignmentSource = "app" | "review" | "import";
export type ReviewDecision = "confirm" | "change" | "flag" | "handoff";

export type GapType =
  | "no-accountable"
  | "multiple-accountable"
  | "no-responsible"
  | "inactive-owner"
  | "one-sided"
  | "stale"
  | "flagged";

export type Severity = "critical" | "high" | "medium";

/** The thresholds DESIGN.md calls settings; `DEFAULT_RULE_SETTINGS` holds the documented defaults. */
export interface RuleSettings {
  /** The organisation's calendar (an IANA zone): days, as in "28 days before the as-of date", are its days. */
  timeZone: string;
  staleAfterDays: number;
  overloadHighCriticalCells: number;
  overloadConcernSharePct: number;
  overloadConcernMinCells: number;
}

/** A person as the rules see them at the as-of date. */
export interface RulePerson {
  id: number;
  email: string;
  teamId: number | null;
  /** Their team's function; null for a person without a team (counts for neither side). */
  function: TeamFunction | null;
  /** Not deactivated at the as-of date. */
  active: boolean;
}

/** One assignment current at the as-of date, with the latest confirmation made by then. */
export interface CellHolder {
  personId: number;
  role: RaciRole;
  /** Latest confirmation at or before the as-of date; null when never confirmed by then. */
  confirmedAt: Date | null;
}

/** An asset x concern pair whose concern applies to the asset's kind, with what is known of it as of a date. */
export interface CellInput {
  assetId: number;
  assetKey: string;
  assetKindKey: string;
  assetCriticality: Criticality;
  /** Retired assets leave scope; cells of planned and active assets are in scope. */
  inScope: boolean;
  concernId: number;
  concernKey: string;
  concernHome: ConcernHome;
  holders: CellHolder[];
  /** The decision on this cell in the latest submitted review that decided it, as of the date. */
  latestReviewDecision: ReviewDecision | null;
}

export interface Gap {
  type: GapType;
  severity: Severity;
}

export interface EvaluatedCell extends CellInput {
  covered: boolean;
  gaps: Gap[];
  /** Sum over gaps of severity weight x asset criticality weight; 0 when there is no gap. */
  score: number;
}

export interface CoverageFigure {
  inScope: number;
  covered: number;
  /** covered / inScope x 100, rounded to one decimal; null when nothing is in scope. */
  percent: number | null;
}

export interface PersonLoad {
  personId: number;
  email: string;
  accountableCells: number;
  highCriticalCells: number;
  overloaded: boolean;
  /** Why: `high-critical` (too many high/critical cells) and/or `concern:<key>` (too large a share of one concern). */
  overloadReasons: string[];
}

/** Something that happened to a cell, for the collaboration hotspot score. */
export interface CellActivity {
  assetId: number;
  concernId: number;
  at: Date;
  kind: "flag" | "handoff" | "assignment-started" | "assignment-ended";
  /** For assignment events: where the assignment came from (imports do not count as ownership changes). */
  source?: AssignmentSource;
  /** For assignment events: which assignment, so that one started and ended in the window counts once. */
  assignmentId?: number;
}

export interface Hotspot {
  assetId: number;
  assetKey: string;
  concernId: number;
  concernKey: string;
  score: number;
  flags: number;
  ownershipChanges: number;
  handoffs: number;
  distinctHolders: number;
}

/** An assignment with its whole history, from which holders as of any date are derived. */
export interface AssignmentRecord {
  assetId: number;
  concernId: number;
  personId: number;
  role: RaciRole;
  startedAt: Date;
  endedAt: Date | null;
  source: AssignmentSource;
  /** Every confirmation of this assignment (any order). */
  confirmations: Date[];
}

/** A person's history, from which `RulePerson.active` as of a date is derived. */
export interface PersonRecord {
  id: number;
  email: string;
  teamId: number | null;
  function: TeamFunction | null;
  deactivatedAt: Date | null;
}

/** Coverage overall and along each axis of DESIGN.md section 3. */
export interface CoverageSummary {
  overall: CoverageFigure;
  byHome: Record<ConcernHome, CoverageFigure>;
  /** Keyed by asset kind key. */
  byKind: Record<string, CoverageFigure>;
  /** Keyed by concern key. */
  byConcern: Record<string, CoverageFigure>;
  /** Keyed by team id; a team's cells are those where a member holds A or R. */
  byTeam: Record<number, CoverageFigure>;
}

export interface ConcernHotspotRollUp {
  concernKey: string;
  score: number;
  cells: number;
}

export interface TeamPairHotspotRollUp {
  marketingTeamId: number;
  itTeamId: number;
  score: number;
  cells: number;
}

export interface HotspotRollUps {
  byConcern: ConcernHotspotRollUp[];
  byTeamPair: TeamPairHotspotRollUp[];
}
