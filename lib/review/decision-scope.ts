import { cellKey, type EvaluatedCell } from "@/lib/rules";

/**
 * Whether each decision of a review may still be applied at submit: a decision is the team's to make only
 * while its cell is in the team's review scope. A `change` saved while the cell was the team's, applied after
 * an admin gave the cell to another team, would undo the admin's owners; so at submit every decision is
 * checked against the scope as it is then.
 */

export interface DecisionToCheck {
  assetId: number;
  concernId: number;
  decision: string;
  /** The A and R a `change` puts in place. */
  newOwners: { personId: number; role: string }[];
}

const ownersKey = (holders: readonly { personId: number; role: string }[]) =>
  holders
    .filter((holder) => holder.role === "A" || holder.role === "R")
    .map((holder) => `${holder.personId}:${holder.role}`)
    .sort()
    .join(",");

/**
 * The decisions whose cell is outside `scope`, except a `change` whose cell already has exactly the owners it
 * names: applying it again only attests them, as when a reopened review is submitted again after its own
 * change took the cell out of the team's hands.
 */
export function listDecisionsOutsideScope<T extends DecisionToCheck>(decisions: readonly T[], scope: readonly EvaluatedCell[], cells: readonly EvaluatedCell[]): T[] {
  const inScope = new Set(scope.map((cell) => cellKey(cell.assetId, cell.concernId)));
  const byKey = new Map(cells.map((cell) => [cellKey(cell.assetId, cell.concernId), cell]));
  return decisions.filter((decision) => {
    const key = cellKey(decision.assetId, decision.concernId);
    if (inScope.has(key)) return false;
    const cell = byKey.get(key);
    const alreadyApplied = decision.decision === "change" && cell !== undefined && ownersKey(cell.holders) === ownersKey(decision.newOwners);
    return !alreadyApplied;
  });
}

/** "Website · Hosting, CRM · Backups and 3 other cells": the cells named in a refusal, the first few by name. */
export function nameCells(cells: readonly { assetName: string; concernName: string }[], shown = 5): string {
  const names = cells.slice(0, shown).map((cell) => `${cell.assetName} · ${cell.concernName}`);
  const rest = cells.length - names.length;
  if (rest > 0) return `${names.join(", ")} and ${rest} other ${rest === 1 ? "cell" : "cells"}`;
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
