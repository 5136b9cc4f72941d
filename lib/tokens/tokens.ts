import type { AuditEntry } from "@/lib/audit/record";
import type { Tx } from "@/lib/auth/write-policy";
import type { ApiTokenKind, PersonRole } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import type { CreatePersonalTokenInput, CreateServiceTokenInput } from "./schemas";
import { newTokenSecret } from "./token-secret";

/**
 * Making and revoking API tokens. A personal token is its person's own (My account -> Tokens, or
 * `npm run token:create`); a service token belongs to the organisation, made and revoked by admins
 * (Settings -> Service tokens). The token is answered once, at creation; afterwards only its prefix is shown.
 */

type Audit = (entry: Omit<AuditEntry, "actorId">) => Promise<void>;

export interface IssuedToken {
  id: number;
  name: string;
  /** The whole token: shown once, never stored. */
  token: string;
  expiresAt: string | null;
  /** A SCIM provisioning token: what uses it is the identity provider, at /scim/v2. */
  scim: boolean;
}

const DAY_MS = 86_400_000;
const expiryOf = (expiresInDays: number | null, now: Date) => (expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * DAY_MS));

async function insertToken(
  tx: Tx,
  fields: {
    kind: ApiTokenKind;
    name: string;
    personId: number | null;
    role: PersonRole | null;
    teamId: number | null;
    scim: boolean;
    createdById: number;
    expiresAt: Date | null;
    now: Date;
  },
  audit: Audit,
): Promise<IssuedToken> {
  const secret = newTokenSecret();
  const row = await tx.apiToken.create({
    data: {
      kind: fields.kind,
      name: fields.name,
      prefix: secret.shownPrefix,
      secretHash: secret.hash,
      personId: fields.personId,
      role: fields.role,
      teamId: fields.teamId,
      scim: fields.scim,
      createdById: fields.createdById,
      createdAt: fields.now,
      expiresAt: fields.expiresAt,
    },
  });
  await audit({
    action: "api-token.created",
    entityType: "api-token",
    entityId: row.id,
    after: { kind: row.kind, name: row.name, prefix: row.prefix, personId: row.personId, role: row.role, teamId: row.teamId, scim: row.scim, expiresAt: row.expiresAt },
  });
  return { id: row.id, name: row.name, token: secret.token, expiresAt: row.expiresAt?.toISOString() ?? null, scim: row.scim };
}

/** A token of the person's own, acting as them with their role, whatever it becomes. */
export function createPersonalToken(tx: Tx, personId: number, input: CreatePersonalTokenInput, audit: Audit, now = new Date()): Promise<IssuedToken> {
  return insertToken(
    tx,
    { kind: "personal", name: input.name, personId, role: null, teamId: null, scim: false, createdById: personId, expiresAt: expiryOf(input.expiresInDays, now), now },
    audit,
  );
}

/**
 * An organisation's token with the role (and team) an admin gave it; its writes are made in its creator's name.
 * A SCIM token is one of these with the admin role, that may call /scim/v2 only (lib/api/caller.ts).
 */
export async function createServiceToken(
  tx: Tx,
  createdById: number,
  input: Omit<CreateServiceTokenInput, "scim"> & { scim?: boolean },
  audit: Audit,
  now = new Date(),
): Promise<IssuedToken> {
  if (input.teamId !== null && !(await tx.team.findUnique({ where: { id: input.teamId }, select: { id: true } }))) {
    throw new AppError("invalid", "That team no longer exists.", { fieldErrors: { teamId: ["That team no longer exists."] } });
  }
  return insertToken(
    tx,
    { kind: "service", name: input.name, personId: null, role: input.role, teamId: input.teamId, scim: input.scim ?? false, createdById, expiresAt: expiryOf(input.expiresInDays, now), now },
    audit,
  );
}

/**
 * Revokes one token: a personal token by its person (`ownerId`), a service token by an admin (`ownerId` null).
 * The token's owner is part of the lookup, so nobody revokes a token that is not theirs to revoke.
 */
export async function revokeToken(tx: Tx, tokenId: number, ownerId: number | null, audit: Audit, now = new Date()): Promise<{ id: number }> {
  const where = ownerId === null ? { id: tokenId, kind: "service" as const } : { id: tokenId, kind: "personal" as const, personId: ownerId };
  const token = await tx.apiToken.findFirst({ where, select: { id: true, name: true, revokedAt: true } });
  if (!token) throw new AppError("not-found", "That token does not exist.");
  if (token.revokedAt) throw new AppError("conflict", `"${token.name}" was already revoked.`);
  await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: now } });
  await audit({ action: "api-token.revoked", entityType: "api-token", entityId: tokenId, before: { name: token.name }, after: { revokedAt: now } });
  return { id: tokenId };
}

/**
 * Deactivating a person ends their personal tokens with their sessions (the write that deactivates records its
 * own audit event). Service tokens they made stay: they belong to the organisation.
 */
export async function revokeTokensOfPerson(tx: Tx, personId: number, now: Date): Promise<void> {
  await tx.apiToken.updateMany({ where: { personId, revokedAt: null }, data: { revokedAt: now } });
}
