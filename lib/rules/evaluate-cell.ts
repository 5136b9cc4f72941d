import { DateTime } from "luxon";
import { includesBothFunctions, isPersonActive, listHolderIds } from "./holders";
import { CRITICALITY_WEIGHT, GAP_SEVERITY, GAP_TYPES, SEVERITY_WEIGHT } from "./weights";
import type { CellInput, EvaluatedCell, Gap, GapType, RulePerson, RuleSettings } from "./types";

/**
 * Applies the coverage and gap rules of DESIGN.md section 3 to one cell.
 *
 * Out-of-scope cells (retired assets) are never covered and carry no gaps, so they drop out of every
 * figure. A holder missing from `people` counts as inactive with no function (see `isPersonActive`).
 *
 * `covered` only looks at who holds the cell; `stale` and `flagged` are gaps a covered cell can still
 * have. Every uncovered in-scope cell has at least one of the other five gaps.
 */
export function evaluateCell(
  cell: CellInput,
  people: Map<number, RulePerson>,
  asOf: Date,
  settings: RuleSettings,
): EvaluatedCell {
  return evaluateAgainst(cell, people, freshSince(asOf, settings));
}

function evaluateAgainst(cell: CellInput, people: Map<number, RulePerson>, freshFrom: number): EvaluatedCell {
  if (!cell.inScope) return evaluated(cell, false, [], 0);

  const ownership = readOwnership(cell, people);
  const { accountable, owners, ownersActive, bothSides, isShared, hasResponsible } = ownership;
  const covered = coveredBy(ownership);

  const found = new Set<GapType>();
  if (accountable.length === 0) found.add("no-accountable");
  if (accountable.length > 1) found.add("multiple-accountable");
  if (!hasResponsible) found.add("no-responsible");
  if (!ownersActive) found.add("inactive-owner");
  if (isShared && owners.length > 0 && !bothSides) found.add("one-sided");
  if (hasStaleAccountable(cell, freshFrom)) found.add("stale");
  if (cell.latestReviewDecision === "flag") found.add("flagged");

  const gaps: Gap[] = GAP_TYPES.filter((type) => found.has(type)).map((type) => ({
    type,
    severity: GAP_SEVERITY[type],
  }));
  return evaluated(cell, covered, gaps, scoreGaps(gaps, cell));
}

/** Whether an in-scope cell is covered: what `evaluateCell` says of it, without working out its gaps. */
export function isCellCovered(cell: CellInput, people: Map<number, RulePerson>): boolean {
  return cell.inScope && coveredBy(readOwnership(cell, people));
}

/** Who owns a cell (its A and R holders) and what of them decides coverage. */
interface Ownership {
  accountable: number[];
  owners: number[];
  ownersActive: boolean;
  bothSides: boolean;
  isShared: boolean;
  hasResponsible: boolean;
}

function readOwnership(cell: CellInput, people: Map<number, RulePerson>): Ownership {
  const accountable = listHolderIds(cell, ["A"]);
  const responsible = listHolderIds(cell, ["R"]);
  const owners = listHolderIds(cell, ["A", "R"]);
  return {
    accountable,
    owners,
    ownersActive: owners.every((id) => isPersonActive(id, people)),
    bothSides: includesBothFunctions(owners, people),
    isShared: cell.concernHome === "shared",
    // The A holder stands in for R when there is none, so "no R" alone never uncovers a cell.
    hasResponsible: responsible.length > 0 || accountable.length > 0,
  };
}

function coveredBy(ownership: Ownership): boolean {
  return ownership.accountable.length === 1 && ownership.hasResponsible && ownership.ownersActive && (!ownership.isShared || ownership.bothSides);
}

// Every evaluated cell is built with the same fields in the same order, never by spreading its input:
// tens of thousands of cells of one shape are read many times faster by every figure computed from them.
function evaluated(cell: CellInput, covered: boolean, gaps: Gap[], score: number): EvaluatedCell {
  return {
    assetId: cell.assetId,
    assetKey: cell.assetKey,
    assetKindKey: cell.assetKindKey,
    assetCriticality: cell.assetCriticality,
    inScope: cell.inScope,
    concernId: cell.concernId,
    concernKey: cell.concernKey,
    concernHome: cell.concernHome,
    holders: cell.holders,
    latestReviewDecision: cell.latestReviewDecision,
    covered,
    gaps,
    score,
  };
}

/** Evaluates every cell with the same people, date and settings. */
export function evaluateCells(
  cells: CellInput[],
  people: Map<number, RulePerson>,
  asOf: Date,
  settings: RuleSettings,
): EvaluatedCell[] {
  const freshFrom = freshSince(asOf, settings);
  return cells.map((cell) => evaluateAgainst(cell, people, freshFrom));
}

/** Sum over gaps of severity weight x the asset's criticality weight. */
export function scoreGaps(gaps: readonly Gap[], cell: Pick<CellInput, "assetCriticality">): number {
  const criticality = CRITICALITY_WEIGHT[cell.assetCriticality];
  return gaps.reduce((sum, gap) => sum + SEVERITY_WEIGHT[gap.severity] * criticality, 0);
}

/**
 * The first instant a confirmation counts as fresh on the as-of date: the start of the day `staleAfterDays`
 * days before the as-of day, both days of the organisation's calendar. DESIGN counts whole days: confirmed
 * on day D-28 is fresh as of day D and on D-29 stale, whatever the hour of either, and a day that daylight
 * saving makes 23 or 25 hours long is still one day.
 */
export function freshSince(asOf: Date, settings: Pick<RuleSettings, "timeZone" | "staleAfterDays">): number {
  const day = DateTime.fromJSDate(asOf, { zone: settings.timeZone });
  if (!day.isValid) throw new RangeError(`Unknown time zone: ${settings.timeZone}`);
  return day.startOf("day").minus({ days: settings.staleAfterDays }).toMillis();
}

function hasStaleAccountable(cell: CellInput, freshFrom: number): boolean {
  return cell.holders.some(
    (holder) => holder.role === "A" && (holder.confirmedAt === null || holder.confirmedAt.getTime() < freshFrom),
  );
}
