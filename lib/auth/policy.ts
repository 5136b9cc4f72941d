import type { EvaluatedCell, RulePerson, TeamFunction } from "@/lib/rules";

/**
 * The role policy of DESIGN.md section 5 as pure functions and the rules built on them. Every route and
 * server action declares one rule (lib/api/write-route.ts, read-route.ts, server-action.ts), which its
 * wrapper checks before the handler runs; the rules that depend on data (whose cell, whose review) ask
 * `canEditCell` and `canWorkOnReview` with facts read in the write's own transaction. Pages ask these only
 * to decide which controls to show.
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
export const canReopenReview = (user: PolicyUser) => user.role === "admin";
export const canInvite = (user: PolicyUser) => user.role === "admin";
/** Who may try to change ownership or work on a review at all; which cells and reviews is decided on the data. */
const isAdminOrManager = (user: PolicyUser) => user.role === "admin" || user.role === "manager";

/** A rule that decides on the signed-in person alone, with the sentence a refused person reads. */
export interface RoleRule {
  allows: (user: PolicyUser) => boolean;
  refusal: string;
}

/** Reading is open to everyone signed in (DESIGN.md section 5, first row). */
export const anySignedIn: RoleRule = { allows: () => true, refusal: "Sign in first." };
export const catalogEditors: RoleRule = { allows: canEditCatalog, refusal: "Only admins edit the catalog: assets, concerns, kinds, teams and people." };
export const settingsManagers: RoleRule = { allows: canManageSettings, refusal: "Only admins change the organisation's settings." };
export const importers: RoleRule = { allows: canImport, refusal: "Only admins can import." };
export const inviters: RoleRule = { allows: canInvite, refusal: "Only admins invite people." };
export const reviewReopeners: RoleRule = { allows: canReopenReview, refusal: "Only an admin can reopen a submitted review." };
export const ownershipEditors: RoleRule = {
  allows: isAdminOrManager,
  refusal: "Only admins and the managers of the teams involved can change ownership.",
};
export const reviewWorkers: RoleRule = { allows: isAdminOrManager, refusal: "Viewers read reviews; they do not fill them in." };

/** Admins hand over anyone's cells when they leave; a manager those of their own team's people (issue 18). */
export function canHandOverCells(user: PolicyUser, leaverTeamId: number | null): boolean {
  if (user.role === "admin") return true;
  return user.role === "manager" && user.teamId !== null && user.teamId === leaverTeamId;
}

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
