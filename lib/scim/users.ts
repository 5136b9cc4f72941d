import { publicLink } from "@/lib/config/public-origin";
import { getPrisma, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/auth/write-policy";
import type { PolicyUser } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { createPerson, deactivatePerson, reactivatePerson, updatePerson } from "@/lib/people/actions";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import { scimError } from "./errors";
import { parseFilter } from "./filter";
import { matchesFilter, requiredEquality } from "./filter-match";
import { listResponse } from "./list-response";
import { applyUserPatch, booleanOf, splitName, type PatchOperation, type ScimUserFields } from "./patch";
import { SCHEMA } from "./protocol";
import { rowIdOf } from "./row-id";
import type { ScimListQuery, ScimUserInput } from "./schemas";

/**
 * SCIM Users over Tandem's people (README, "Provisioning with SCIM"): the id is the person's id, userName their
 * email, and every change goes through the People screens' own writes (lib/people/actions.ts), so that
 * `active: false` is a deactivation with all its effects. People a provider creates get the role "viewer";
 * the role of someone who exists already is never changed here.
 */

type Reader = Db | Tx;

const personSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  teamId: true,
  externalId: true,
  deactivatedAt: true,
  createdAt: true,
  updatedAt: true,
  team: { select: { id: true, name: true } },
} satisfies Prisma.PersonSelect;

type PersonRow = Prisma.PersonGetPayload<{ select: typeof personSelect }>;

export function toScimUser(row: PersonRow) {
  const location = publicLink(`/scim/v2/Users/${row.id}`);
  return {
    schemas: [SCHEMA.user],
    id: String(row.id),
    ...(row.externalId !== null ? { externalId: row.externalId } : {}),
    userName: row.email,
    name: { formatted: row.name, ...splitName(row.name) },
    displayName: row.name,
    emails: [{ value: row.email, type: "work", primary: true }],
    active: row.deactivatedAt === null,
    groups: row.team
      ? [
          {
            value: String(row.team.id),
            display: row.team.name,
            $ref: publicLink(`/scim/v2/Groups/${row.team.id}`),
          },
        ]
      : [],
    meta: {
      resourceType: "User",
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location,
    },
  };
}

const fieldsOf = (row: PersonRow): ScimUserFields => ({
  userName: row.email,
  externalId: row.externalId,
  active: row.deactivatedAt === null,
  displayName: row.name,
  ...splitName(row.name),
});

async function findPerson(id: string, db: Reader, lock = false): Promise<PersonRow> {
  const personId = await rowIdOf(id, "Person", db, lock);
  const row =
    personId === null ? null : await db.person.findUnique({ where: { id: personId }, select: personSelect });
  if (!row) throw new AppError("not-found", `There is no user with the id "${id}".`);
  return row;
}

export const getScimUser = async (id: string, db: Reader = getPrisma()) =>
  toScimUser(await findPerson(id, db));

export async function listScimUsers(query: ScimListQuery, db: Db = getPrisma()) {
  const filter = query.filter ? parseFilter(query.filter) : null;
  // The lookups providers make (userName eq, externalId eq) narrow the query; the filter then decides.
  const userName = filter ? requiredEquality(filter, "username") : undefined;
  const externalId = filter ? requiredEquality(filter, "externalid") : undefined;
  const rows = await db.person.findMany({
    where: {
      ...(typeof userName === "string" ? { email: userName.trim().toLowerCase() } : {}),
      ...(typeof externalId === "string" ? { externalId } : {}),
    },
    select: personSelect,
    orderBy: { id: "asc" },
  });
  const users = rows.map(toScimUser).filter((user) => filter === null || matchesFilter(filter, user));
  return listResponse(users, query);
}

/** Tandem keeps one name: the displayName, else the formatted name, else given and family names, else the userName. */
function nameOf(input: ScimUserInput): string {
  const joined = [input.name?.givenName, input.name?.familyName]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ");
  const name = input.displayName?.trim() || input.name?.formatted?.trim() || joined || input.userName;
  return name.slice(0, TEXT_MAX.name);
}

function fieldsOfInput(input: ScimUserInput): ScimUserFields {
  const displayName = nameOf(input);
  return {
    userName: input.userName,
    externalId: input.externalId ?? null,
    active: input.active === undefined || booleanOf(input.active),
    displayName,
    ...splitName(displayName),
  };
}

export async function createScimUser(tx: Tx, user: PolicyUser, input: ScimUserInput) {
  if (await tx.person.findUnique({ where: { email: input.userName }, select: { id: true } })) {
    throw scimError(
      "uniqueness",
      `A user with the userName ${input.userName} exists already: find it with filter=userName eq "${input.userName}".`,
    );
  }
  const { id } = await createPerson(tx, user, {
    email: input.userName,
    name: nameOf(input),
    teamId: null,
    role: "viewer",
  });
  const created = await findPerson(String(id), tx);
  // The name is set already; what is left is the externalId, and `active: false` for someone provisioned as left.
  await saveUserFields(tx, user, created, fieldsOfInput(input));
  return getScimUser(String(id), tx);
}

/** PUT: the user as sent replaces the fields Tandem keeps; a missing `active` means active (RFC 7643 defaults). */
export async function replaceScimUser(tx: Tx, user: PolicyUser, id: string, input: ScimUserInput) {
  const current = await findPerson(id, tx, true);
  await saveUserFields(tx, user, current, fieldsOfInput(input));
  return getScimUser(id, tx);
}

export async function patchScimUser(tx: Tx, user: PolicyUser, id: string, operations: PatchOperation[]) {
  const current = await findPerson(id, tx, true);
  await saveUserFields(tx, user, current, applyUserPatch(fieldsOf(current), operations));
  return getScimUser(id, tx);
}

/** DELETE deactivates: the person's history and assignments stay, and their cells show as held by someone who left. */
export async function deleteScimUser(tx: Tx, user: PolicyUser, id: string): Promise<null> {
  const current = await findPerson(id, tx, true);
  if (current.deactivatedAt === null) await deactivatePerson(tx, user, current.id);
  return null;
}

async function saveUserFields(
  tx: Tx,
  user: PolicyUser,
  current: PersonRow,
  next: ScimUserFields,
): Promise<void> {
  if (next.userName !== current.email) {
    // The person's history is kept under their email (lib/people/queries.ts), so it does not change underneath it.
    throw scimError(
      "mutability",
      `Tandem keeps ${current.email} as this user's userName: change the email in Tandem, or map an attribute that does not change.`,
    );
  }
  if (next.displayName !== current.name) {
    const input = {
      name: next.displayName.slice(0, TEXT_MAX.name),
      teamId: current.teamId,
      role: current.role,
      updatedAt: current.updatedAt.toISOString(),
    };
    await updatePerson(tx, user, current.id, input);
  }
  if (next.externalId !== current.externalId) {
    await tx.person.update({ where: { id: current.id }, data: { externalId: next.externalId } });
    const entry = {
      action: "person.external-id-set",
      entityType: "person",
      entityId: current.email,
    } as const;
    await recordAudit(tx, {
      ...entry,
      actorId: user.id,
      before: { externalId: current.externalId },
      after: { externalId: next.externalId },
    });
  }
  const active = current.deactivatedAt === null;
  if (active && !next.active) await deactivatePerson(tx, user, current.id);
  if (!active && next.active) await reactivatePerson(tx, user, current.id);
}
