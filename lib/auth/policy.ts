import type { EvaluatedCell, RulePerson, TeamFunction } from "@/lib/rules";

/**
 * The role policy of DESIGN.md section 5 as pure functions. Every write route asks these, with the
 * facts loaded inside its own transaction; pages ask them only to decide which controls to show.
 */

export type PolicyRole = "admin" | "manager" | "viewer";

export interface PolicyUser {
  id: number;
  role: PolicyRole;
  teamId: number | null;
  teamFunction: TeamFunction | null;
}

export const canEditCatalog = (user: PolicyUser) => user.role === "admin";
export const canManageSettings = (user: PolicyUser) => user.role === "admin";
export const canImport = (user: PolicyUser) => user.role === "admin";

/** Admins fill in any team's review; a manager only their own team's. */
export function canWorkOnReview(user: PolicyUser, teamId: number): boolean {
  if (user.role === "admin") return true;
  return user.role === "manager" && user.teamId !== null && user.teamId === teamId;
}

export interface CellAccessFacts {
  cell: Pick<EvaluatedCell, "holders" | "covered" | "inScope" | "concernHome">;
  people: ReadonlyMap<number, Pick<RulePerson, "teamId">>;
  /** The cell was handed off to the user's team in the previous week's review. */
  handedOffToUsersTeam: boolean;
}

/**
 * Admins edit any cell. A manager edits a cell when a member of their team holds A or R on it, or when
 * it is uncovered and in their team's review scope (its concern's home is their function, shared
 * counting for marketing and IT, or it was handed off to them). Viewers never edit.
 */
export function canEditCell(user: PolicyUser, facts: CellAccessFacts): boolean {
  if (user.role === "admin") return true;
  if (user.role !== "manager" || user.teamId === null) return false;
  const teamHoldsAOrR = facts.cell.holders.some(
    (holder) => (holder.role === "A" || holder.role === "R") && facts.people.get(holder.personId)?.teamId === user.teamId,
  );
  if (teamHoldsAOrR) return true;
  if (!facts.cell.inScope || facts.cell.covered) return false;
  if (facts.handedOffToUsersTeam) return true;
  const home = facts.cell.concernHome;
  if (home === "shared") return user.teamFunction === "marketing" || user.teamFunction === "it";
  return home === user.teamFunction;
}
