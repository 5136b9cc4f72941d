import { recordAudit } from "@/lib/audit/record";
import type { PolicyUser } from "@/lib/auth/policy";
import type { Tx } from "@/lib/auth/write-policy";
import { publicLink } from "@/lib/config/public-origin";
import { getPrisma, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { createTeam, updateTeam } from "@/lib/people/team-actions";
import { setTeamMembers } from "./group-members";
import { parseFilter } from "./filter";
import { matchesFilter, requiredEquality } from "./filter-match";
import { excludes, listResponse } from "./list-response";
import { applyGroupPatch, type PatchOperation, type ScimGroupFields } from "./patch";
import { SCHEMA } from "./protocol";
import { rowIdOf } from "./row-id";
import type { ScimGroupInput, ScimListQuery } from "./schemas";

/**
 * SCIM Groups over Tandem's teams: displayName is the team's name, members its people. A team has a function
 * (marketing, it or other) that no provider knows: a new group's team is "other" unless Tandem's extension
 * (`urn:ietf:params:scim:schemas:extension:tandem:2.0:Group`) says otherwise, and an admin may change it in
 * Tandem afterwards, which the provider then leaves alone.
 */

type Reader = Db | Tx;

const teamSelect = {
  id: true,
  name: true,
  function: true,
  externalId: true,
  createdAt: true,
  updatedAt: true,
  members: { select: { id: true, name: true }, orderBy: { id: "asc" } },
} satisfies Prisma.TeamSelect;

type TeamRow = Prisma.TeamGetPayload<{ select: typeof teamSelect }>;

export function toScimGroup(row: TeamRow, options: { members: boolean } = { members: true }) {
  return {
    schemas: [SCHEMA.group, SCHEMA.tandemGroup],
    id: String(row.id),
    ...(row.externalId !== null ? { externalId: row.externalId } : {}),
    displayName: row.name,
    ...(options.members
      ? {
          members: row.members.map((member) => ({
            value: String(member.id),
            display: member.name,
            $ref: publicLink(`/scim/v2/Users/${member.id}`),
          })),
        }
      : {}),
    [SCHEMA.tandemGroup]: { function: row.function },
    meta: {
      resourceType: "Group",
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: publicLink(`/scim/v2/Groups/${row.id}`),
    },
  };
}

const fieldsOf = (row: TeamRow): ScimGroupFields => ({
  displayName: row.name,
  externalId: row.externalId,
  memberIds: row.members.map((member) => String(member.id)),
});

async function findTeam(id: string, db: Reader, lock = false): Promise<TeamRow> {
  const teamId = await rowIdOf(id, "Team", db, lock);
  const row =
    teamId === null ? null : await db.team.findUnique({ where: { id: teamId }, select: teamSelect });
  if (!row) throw new AppError("not-found", `There is no group with the id "${id}".`);
  return row;
}

export const getScimGroup = async (id: string, excludedAttributes?: string, db: Reader = getPrisma()) =>
  toScimGroup(await findTeam(id, db), { members: !excludes(excludedAttributes, "members") });

export async function listScimGroups(query: ScimListQuery, db: Db = getPrisma()) {
  const filter = query.filter ? parseFilter(query.filter) : null;
  const displayName = filter ? requiredEquality(filter, "displayname") : undefined;
  const externalId = filter ? requiredEquality(filter, "externalid") : undefined;
  const rows = await db.team.findMany({
    where: {
      ...(typeof displayName === "string" ? { name: { equals: displayName, mode: "insensitive" } } : {}),
      ...(typeof externalId === "string" ? { externalId } : {}),
    },
    select: teamSelect,
    orderBy: { id: "asc" },
  });
  const members = !excludes(query.excludedAttributes, "members");
  const groups = rows
    .filter((row) => filter === null || matchesFilter(filter, toScimGroup(row)))
    .map((row) => toScimGroup(row, { members }));
  return listResponse(groups, query);
}

export async function createScimGroup(tx: Tx, user: PolicyUser, input: ScimGroupInput) {
  const { id } = await createTeam(tx, user, {
    name: input.displayName,
    function: input[SCHEMA.tandemGroup]?.function ?? "other",
  });
  const created = await findTeam(String(id), tx);
  await saveGroupFields(tx, user, created, {
    displayName: created.name,
    externalId: input.externalId ?? null,
    memberIds: (input.members ?? []).map((member) => String(member.value)),
  });
  return getScimGroup(String(id), undefined, tx);
}

/** PUT: without `members`, membership stays as it is (Okta changes it by PATCH only). */
export async function replaceScimGroup(tx: Tx, user: PolicyUser, id: string, input: ScimGroupInput) {
  const current = await findTeam(id, tx, true);
  const chosenFunction = input[SCHEMA.tandemGroup]?.function;
  if (chosenFunction !== undefined && chosenFunction !== current.function) {
    await updateTeam(tx, user, current.id, {
      name: current.name,
      function: chosenFunction,
      updatedAt: current.updatedAt.toISOString(),
    });
  }
  const memberIds = input.members
    ? input.members.map((member) => String(member.value))
    : fieldsOf(current).memberIds;
  await saveGroupFields(tx, user, await findTeam(id, tx), {
    displayName: input.displayName,
    externalId: input.externalId ?? null,
    memberIds,
  });
  return getScimGroup(id, undefined, tx);
}

export async function patchScimGroup(tx: Tx, user: PolicyUser, id: string, operations: PatchOperation[]) {
  const current = await findTeam(id, tx, true);
  await saveGroupFields(tx, user, current, applyGroupPatch(fieldsOf(current), operations));
  return getScimGroup(id, undefined, tx);
}

async function saveGroupFields(
  tx: Tx,
  user: PolicyUser,
  current: TeamRow,
  next: ScimGroupFields,
): Promise<void> {
  if (next.displayName !== current.name) {
    await updateTeam(tx, user, current.id, {
      name: next.displayName,
      function: current.function,
      updatedAt: current.updatedAt.toISOString(),
    });
  }
  if (next.externalId !== current.externalId) {
    await tx.team.update({ where: { id: current.id }, data: { externalId: next.externalId } });
    const entry = { action: "team.external-id-set", entityType: "team", entityId: current.id } as const;
    await recordAudit(tx, {
      ...entry,
      actorId: user.id,
      before: { externalId: current.externalId },
      after: { externalId: next.externalId },
    });
  }
  await setTeamMembers(
    tx,
    user,
    { id: current.id, name: current.name },
    fieldsOf(current).memberIds,
    next.memberIds,
  );
}
