import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { hashToken, isWellFormedToken } from "./token-secret";

/**
 * Who an API token acts as, read from the database on every request, like a session (lib/auth/session.ts):
 * a revoked or expired token, a deactivated person or a person whose role became "none" is refused at once.
 * A personal token acts as its person with their role of the moment; a service token with the role and team
 * it was given, its writes made in the name of the admin who created it (audit events name the token too).
 */

export interface TokenIdentity {
  id: number;
  name: string;
  kind: "personal" | "service";
  /** A SCIM provisioning token: it may call /scim/v2, and nothing else may (lib/api/caller.ts). */
  scim: boolean;
}

export interface TokenCaller {
  user: CurrentUser;
  token: TokenIdentity;
}

/** `lastUsedAt` is kept to the minute: a write per request would cost more than it tells. */
const LAST_USED_PRECISION_MS = 60_000;

const personSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  deactivatedAt: true,
  team: { select: { id: true, name: true, function: true } },
} as const;

export async function authenticateToken(db: Db, token: string, now = new Date()): Promise<TokenCaller | null> {
  if (!isWellFormedToken(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { secretHash: hashToken(token) },
    select: {
      id: true,
      name: true,
      kind: true,
      scim: true,
      role: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      team: { select: { id: true, name: true, function: true } },
      person: { select: personSelect },
      createdBy: { select: personSelect },
    },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  const user = row.kind === "personal" ? personalUser(row.person) : serviceUser(row);
  if (!user) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { user, token: { id: row.id, name: row.name, kind: row.kind, scim: row.scim } };
}

type PersonRow = {
  id: number;
  email: string;
  name: string;
  role: string;
  deactivatedAt: Date | null;
  team: { id: number; name: string; function: CurrentUser["teamFunction"] & string } | null;
} | null;

function personalUser(person: PersonRow): CurrentUser | null {
  if (!person || person.deactivatedAt || person.role === "none") return null;
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    role: person.role as CurrentUser["role"],
    teamId: person.team?.id ?? null,
    teamName: person.team?.name ?? null,
    teamFunction: person.team?.function ?? null,
  };
}

function serviceUser(row: {
  name: string;
  role: string | null;
  team: { id: number; name: string; function: CurrentUser["teamFunction"] & string } | null;
  createdBy: PersonRow;
}): CurrentUser | null {
  // The creator is who the writes are recorded for; a token whose creator's record is gone cannot be attributed.
  if (!row.createdBy || (row.role !== "admin" && row.role !== "manager" && row.role !== "viewer")) return null;
  return {
    id: row.createdBy.id,
    email: row.createdBy.email,
    name: row.name,
    role: row.role,
    teamId: row.team?.id ?? null,
    teamName: row.team?.name ?? null,
    teamFunction: row.team?.function ?? null,
  };
}
