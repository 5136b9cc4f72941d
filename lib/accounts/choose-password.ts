import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password-policy";
import { endEarlierSessions } from "@/lib/auth/session-validity";
import { getPrisma, type Db } from "@/lib/db/client";
import type { AccountLinkPurpose, Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { consumeLink, findLink, type LinkState } from "./one-time-links";
import type { ChoosePasswordInput } from "./schemas";

type Reader = Db | Prisma.TransactionClient;

/** The links that end with the person choosing a password: an invitation, a reset, `npm run admin:create`'s. */
export type PasswordLinkPurpose = Exclude<AccountLinkPurpose, "setup">;

const AUDIT_ACTION = {
  invitation: "person.invitation-accepted",
  password_reset: "person.password-reset",
  set_password: "person.password-set",
} as const satisfies Record<PasswordLinkPurpose, string>;

export interface PasswordLinkView {
  linkId: number;
  personId: number;
  purpose: PasswordLinkPurpose;
  state: LinkState;
  expiresAt: Date;
  person: { name: string; email: string };
}

/** What the set-password page shows for a token: null for a token never issued (or a set-up link). */
export async function describePasswordLink(token: unknown, { db = getPrisma(), now = new Date() }: { db?: Reader; now?: Date } = {}): Promise<PasswordLinkView | null> {
  const link = await findLink(db as Prisma.TransactionClient, token, now);
  if (!link || link.purpose === "setup" || link.personId === null) return null;
  const person = await db.person.findUnique({ where: { id: link.personId }, select: { name: true, email: true, deactivatedAt: true, role: true } });
  if (!person) return null;
  // A person who left, or lost their role, since the link was made: it no longer lets them in.
  const state = person.deactivatedAt || person.role === "none" ? "revoked" : link.state;
  return { linkId: link.id, personId: link.personId, purpose: link.purpose, state, expiresAt: link.expiresAt, person: { name: person.name, email: person.email } };
}

/**
 * Sets the password a link's person chose and uses the link up, in one transaction; their other open links
 * stop working and any earlier session ends (a reset is asked for when a password may be known). The caller
 * then signs them in with it.
 */
export async function choosePassword(input: ChoosePasswordInput, { db = getPrisma(), now = new Date() }: { db?: Db; now?: Date } = {}): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const link = await describePasswordLink(input.token, { db: tx, now });
    if (!link || link.state !== "usable" || !(await consumeLink(tx, link.linkId, now))) {
      throw new AppError("not-found", "This link no longer works: it was used, it expired or it was withdrawn.");
    }
    const person = await tx.person.update({ where: { id: link.personId }, data: { passwordHash }, select: { id: true, email: true } });
    await tx.accountLink.updateMany({ where: { personId: person.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    await endEarlierSessions(tx, person.id, now);
    await recordAudit(tx, { actorId: person.id, action: AUDIT_ACTION[link.purpose], entityType: "person", entityId: person.email, after: { passwordChanged: true } });
    return { email: person.email };
  });
}
