import type { CellInput, RaciRole, RulePerson, TeamFunction } from "./types";

/**
 * Distinct people holding any of the given roles in a cell, in first-seen order. DESIGN.md counts
 * holders as people, so a duplicated assignment of one person does not make two holders.
 */
export function listHolderIds(cell: CellInput, roles: readonly RaciRole[]): number[] {
  const ids: number[] = [];
  for (const holder of cell.holders) {
    if (roles.includes(holder.role) && !ids.includes(holder.personId)) ids.push(holder.personId);
  }
  return ids;
}

/**
 * Whether a person counts as active. A holder missing from the people map is treated as inactive:
 * the rules cannot vouch for an owner they do not know, so the cell should surface as a gap.
 */
export function isPersonActive(personId: number, people: Map<number, RulePerson>): boolean {
  return people.get(personId)?.active ?? false;
}

/** A person's team function; unknown people and people without a team count for neither side. */
export function getPersonFunction(personId: number, people: Map<number, RulePerson>): TeamFunction | null {
  return people.get(personId)?.function ?? null;
}

/** Whether the given people include at least one marketing and at least one IT person. */
export function includesBothFunctions(
  personIds: readonly number[],
  people: Map<number, RulePerson>,
): boolean {
  let marketing = false;
  let it = false;
  for (const id of personIds) {
    const teamFunction = getPersonFunction(id, people);
    if (teamFunction === "marketing") marketing = true;
    else if (teamFunction === "it") it = true;
    if (marketing && it) return true;
  }
  return false;
}
