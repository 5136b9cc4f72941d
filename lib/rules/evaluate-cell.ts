import { includesBothFunctions, isPersonActive, listHolderIds } from "./holders";
import { CRITICALITY_WEIGHT, GAP_SEVERITY, GAP_TYPES, SEVERITY_WEIGHT } from "./weights";
import type { CellInput, EvaluatedCell, Gap, GapType, RulePerson, RuleSettings } from "./types";

const DAY_MS = 86_400_000;

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
  if (hasStaleAccountable(cell, asOf, settings)) found.add("stale");
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
  return cells.map((cell) => evaluateCell(cell, people, asOf, settings));
}

/** Sum over gaps of severity weight x the asset's criticality weight. */
export function scoreGaps(gaps: readonly Gap[], cell: Pick<CellInput, "assetCriticality">): number {
  const criticality = CRITICALITY_WEIGHT[cell.assetCriticality];
  return gaps.reduce((sum, gap) => sum + SEVERITY_WEIGHT[gap.severity] * criticality, 0);
}

// Exact milliseconds rather than calendar days: a confirmation exactly staleAfterDays old is still
// fresh, one millisecond more is stale, independent of time zones and daylight saving.
function hasStaleAccountable(cell: CellInput, asOf: Date, settings: RuleSettings): boolean {
  const limit = settings.staleAfterDays * DAY_MS;
  return cell.holders.some(
    (holder) =>
      holder.role === "A" &&
      (holder.confirmedAt === null || asOf.getTime() - holder.confirmedAt.getTime() > limit),
  );
}
