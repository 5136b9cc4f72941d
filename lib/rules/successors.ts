import type { RaciRole } from "./types";

/**
 * Issue 18, item 3: who should take over a leaver's cell. Candidates are the active people of the leaver's
 * team, because a hand-over inside the team keeps the cell in the same review and the same manager's hands;
 * within it, someone already working on the cell knows it best, then someone working on the same concern on
 * other assets knows the subject, and the team's manager answers for everything the team held.
 */

export interface SuccessionCandidate {
  id: number;
  teamId: number | null;
  active: boolean;
}

/** A current assignment: the leaver's own, or anyone's that could make a candidate. */
export interface Holding {
  assetId: number;
  concernId: number;
  personId: number;
  role: RaciRole;
}

export interface SuccessionFacts {
  leaver: { id: number; teamId: number | null };
  people: readonly SuccessionCandidate[];
  /** The current assignments of the candidates, on the leaver's concerns at least. */
  holdings: readonly Holding[];
  /** The manager of the leaver's team, when there is one. */
  managerId: number | null;
}

export type SuccessorReason = "responsible-here" | "consulted-here" | "same-concern" | "team-manager";

export interface SuggestedSuccessor {
  personId: number;
  reason: SuccessorReason;
  /** For `same-concern`: on how many other assets they hold A, R or C on this concern. */
  otherAssets: number;
}

/** The candidates for one cell, best first; empty when the team has nobody active to take it. */
export function rankSuccessors(facts: SuccessionFacts, cell: { assetId: number; concernId: number }): SuggestedSuccessor[] {
  const teammates = new Set(
    facts.people
      .filter((person) => person.active && person.id !== facts.leaver.id && facts.leaver.teamId !== null && person.teamId === facts.leaver.teamId)
      .map((person) => person.id),
  );
  const ranked: SuggestedSuccessor[] = [];
  const taken = new Set<number>();
  const add = (personId: number, reason: SuccessorReason, otherAssets = 0) => {
    if (taken.has(personId)) return;
    taken.add(personId);
    ranked.push({ personId, reason, otherAssets });
  };
  const here = facts.holdings.filter((h) => h.assetId === cell.assetId && h.concernId === cell.concernId && teammates.has(h.personId));
  for (const role of ["R", "C"] as const) {
    for (const holding of sortById(here.filter((h) => h.role === role))) add(holding.personId, role === "R" ? "responsible-here" : "consulted-here");
  }
  const elsewhere = new Map<number, Set<number>>();
  for (const holding of facts.holdings) {
    if (holding.concernId !== cell.concernId || holding.assetId === cell.assetId || holding.role === "I" || !teammates.has(holding.personId)) continue;
    const assets = elsewhere.get(holding.personId) ?? new Set<number>();
    assets.add(holding.assetId);
    elsewhere.set(holding.personId, assets);
  }
  // The one who works most on this concern first; ties by id, so the suggestion is the same on every load.
  const byExperience = [...elsewhere].sort(([idA, a], [idB, b]) => b.size - a.size || idA - idB);
  for (const [personId, assets] of byExperience) add(personId, "same-concern", assets.size);
  const manager = facts.people.find((person) => person.id === facts.managerId);
  if (manager?.active && manager.id !== facts.leaver.id) add(manager.id, "team-manager");
  return ranked;
}

function sortById(holdings: Holding[]): Holding[] {
  return [...holdings].sort((a, b) => a.personId - b.personId);
}
