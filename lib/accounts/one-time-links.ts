import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import type { AccountLinkPurpose } from "@/lib/db/generated/client";

type Tx = Prisma.TransactionClient;

/**
 * One-time links: the first-run set-up link, an invitation, the set-password link of `npm run admin:create`,
 * a password reset. The token is 32 random bytes in the link; only its SHA-256 is stored, so neither a copy of
 * the database nor the audit trail lets anyone in. A fast hash is enough: the token has 256 bits of chance,
 * nothing to guess from a dictionary. A link works once, until it expires, and not after it was revoked.
 */

export const LINK_VALIDITY_MS: Record<AccountLinkPurpose, number> = {
  setup: 24 * 3_600_000,
  invitation: 7 * 24 * 3_600_000,
  set_password: 24 * 3_600_000,
  // Short: a reset mail may sit in an inbox others can read.
  password_reset: 3_600_000,
};

/** The page each kind of link opens. */
export const LINK_PATH: Record<AccountLinkPurpose, string> = {
  setup: "/setup",
  invitation: "/set-password",
  set_password: "/set-password",
  password_reset: "/set-password",
};

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token as the link carries it; anything else is refused before the database is asked. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

export interface IssuedLink {
  id: number;
  token: string;
  /** The path with the token, to be made absolute with the public origin (lib/config/public-origin.ts). */
  path: string;
  expiresAt: Date;
}

/** Makes a link; earlier links of the same purpose for the same person (or the earlier set-up links) stop working. */
export async function issueLink(
  tx: Tx,
  options: { purpose: AccountLinkPurpose; personId: number | null; createdById: number | null; now?: Date },
): Promise<IssuedLink> {
  const now = options.now ?? new Date();
  await tx.accountLink.updateMany({
    where: { purpose: options.purpose, personId: options.personId, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + LINK_VALIDITY_MS[options.purpose]);
  const link = await tx.accountLink.create({
    data: { purpose: options.purpose, tokenHash: hashLinkToken(token), personId: options.personId, createdById: options.createdById, createdAt: now, expiresAt },
    select: { id: true },
  });
  return { id: link.id, token, path: `${LINK_PATH[options.purpose]}?token=${token}`, expiresAt };
}

export type LinkState = "usable" | "used" | "expired" | "revoked";

export function linkState(link: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): LinkState {
  if (link.usedAt) return "used";
  if (link.revokedAt) return "revoked";
  return link.expiresAt.getTime() <= now.getTime() ? "expired" : "usable";
}

export interface FoundLink {
  id: number;
  purpose: AccountLinkPurpose;
  personId: number | null;
  expiresAt: Date;
  state: LinkState;
}

/** The link a token opens, with its state; null for a token that was never issued. */
export async function findLink(db: Tx, token: unknown, now = new Date()): Promise<FoundLink | null> {
  if (!isWellFormedToken(token)) return null;
  const link = await db.accountLink.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { id: true, purpose: true, personId: true, expiresAt: true, usedAt: true, revokedAt: true },
  });
  return link ? { id: link.id, purpose: link.purpose, personId: link.personId, expiresAt: link.expiresAt, state: linkState(link, now) } : null;
}

/**
 * Uses a link up, in the caller's transaction: true for exactly one of any number of requests racing with the
 * same token (the update's condition is re-checked on the row it locks), false once used, revoked or expired.
 */
export async function consumeLink(tx: Tx, linkId: number, now = new Date()): Promise<boolean> {
  const { count } = await tx.accountLink.updateMany({
    where: { id: linkId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1;
}
