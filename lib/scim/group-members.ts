import type { PolicyUser } from "@/lib/auth/policy";
import type { Tx } from "@/lib/auth/write-policy";
import { updatePerson } from "@/lib/people/actions";
import { parseId } from "@/lib/people/schemas";
import { scimError } from "./errors";

/**
 * A group's members are the people of its team. A person is in one team at most, so adding them to a group
 * moves them there from their previous team, and removing them leaves them in none; each move is the People
 * screen's edit (lib/people/actions.ts `updatePerson`), audited. A manager manages their team, so removing
 * one is refused until their role changes in Tandem.
 */
export async function setTeamMembers(
  tx: Tx,
  user: PolicyUser,
  team: { id: number; name: string },
  currentIds: string[],
  nextIds: string[],
): Promise<void> {
  const added = nextIds.filter((id) => !currentIds.includes(id));
  const removed = currentIds.filter((id) => !nextIds.includes(id));
  if (added.length === 0 && removed.length === 0) return;
  const ids = [...added, ...removed].map((id) => {
    const personId = parseId(id);
    if (personId === null) throw scimError("invalidValue", `There is no user with the id "${id}".`);
    return personId;
  });
  const people = await tx.person.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, role: true, teamId: true, updatedAt: true },
  });
  const byId = new Map(people.map((person) => [person.id, person]));
  for (const id of ids) {
    const person = byId.get(id);
    if (!person) throw scimError("invalidValue", `There is no user with the id "${id}".`);
    const joining = added.includes(String(id));
    if (!joining && person.role === "manager") {
      throw scimError(
        "mutability",
        `${person.name} manages ${team.name}: give them another role in Tandem before removing them from the group.`,
      );
    }
    await updatePerson(tx, user, id, {
      name: person.name,
      teamId: joining ? team.id : null,
      role: person.role,
      updatedAt: person.updatedAt.toISOString(),
    });
  }
}
