import "server-only";
import { getPrisma, type Db } from "@/lib/db/client";

/**
 * The token lists of My account -> Tokens and Settings -> Service tokens. They select what a list shows,
 * never the hash: a token is told apart by its name and the prefix it was shown with.
 */

export type TokenStatus = "active" | "expired" | "revoked";

export interface TokenListEntry {
  id: number;
  name: string;
  /** The token's first characters (`tdm_AbCd`), which its list shows followed by an ellipsis. */
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  status: TokenStatus;
}

export interface ServiceTokenListEntry extends TokenListEntry {
  role: "admin" | "manager" | "viewer";
  /** A SCIM provisioning token: it acts on /scim/v2 only. */
  scim: boolean;
  teamName: string | null;
  /** Null once the admin who made it has been deleted; the token stops working then (lib/tokens/authenticate.ts). */
  createdByName: string | null;
}

/** Revoked wins over expired: a revoked token stays revoked whatever its expiry says. */
export function tokenStatus(token: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): TokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt <= now) return "expired";
  return "active";
}

const listSelect = { id: true, name: true, prefix: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true } as const;
/** Newest first: the token just made is at the top. */
const newestFirst = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/** The person's own tokens, revoked and expired ones included, so they can tell what stopped working. */
export async function listPersonalTokens(personId: number, now = new Date(), db: Db = getPrisma()): Promise<TokenListEntry[]> {
  const rows = await db.apiToken.findMany({ where: { kind: "personal", personId }, orderBy: newestFirst, select: listSelect });
  return rows.map((row) => ({ ...row, status: tokenStatus(row, now) }));
}

/** The organisation's service tokens, with the team a manager's token manages and the admin who made each. */
export async function listServiceTokens(now = new Date(), db: Db = getPrisma()): Promise<ServiceTokenListEntry[]> {
  const rows = await db.apiToken.findMany({
    where: { kind: "service" },
    orderBy: newestFirst,
    select: { ...listSelect, role: true, scim: true, team: { select: { name: true } }, createdBy: { select: { name: true } } },
  });
  return rows.flatMap(({ role, team, createdBy, ...row }) =>
    // A service token is always made with one of these roles (lib/tokens/schemas.ts); "none" never acts.
    role === "admin" || role === "manager" || role === "viewer"
      ? [{ ...row, role, teamName: team?.name ?? null, createdByName: createdBy?.name ?? null, status: tokenStatus(row, now) }]
      : [],
  );
}
