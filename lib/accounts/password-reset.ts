import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { admitSignInAttempt } from "@/lib/auth/throttle";
import { getPrisma, type Db } from "@/lib/db/client";
import { mailGoesSomewhere } from "@/lib/mail/deliver";
import { issueLink, type IssuedLink } from "./one-time-links";

/**
 * "Forgot password": a reset link (valid one hour) by mail. The answer is the same whether or not the email
 * belongs to someone, so the form tells nobody who has an account; the mail goes out after the answer. Requests
 * are throttled like sign-in attempts (five per account, thirty per client, in fifteen minutes), each counted,
 * so the form can neither flood an inbox nor be used to probe.
 */

export type ResetRequestOutcome =
  | { kind: "accepted"; reset: { name: string; email: string; link: IssuedLink } | null }
  | { kind: "throttled"; retryAfterMs: number };

export function passwordResetThrottleKeys(email: string, clientAddress: string | null): string[] {
  // Its own account key: asking for resets must not lock the account's sign-in, nor the other way round.
  return [`reset:${email.slice(0, 254)}`, ...(clientAddress ? [`client:${clientAddress.slice(0, 100)}`] : [])];
}

export async function requestPasswordReset(email: string, clientAddress: string | null, { db = getPrisma(), now = new Date() }: { db?: Db; now?: Date } = {}): Promise<ResetRequestOutcome> {
  const admitted = await admitSignInAttempt(db, passwordResetThrottleKeys(email, clientAddress), now);
  if (!admitted.allowed) return { kind: "throttled", retryAfterMs: admitted.retryAfterMs };
  const person = await db.person.findFirst({ where: { email, deactivatedAt: null, role: { not: "none" } }, select: { id: true, name: true, email: true } });
  if (!person) return { kind: "accepted", reset: null };
  const link = await db.$transaction(async (tx) => {
    const issued = await issueLink(tx, { purpose: "password_reset", personId: person.id, createdById: null, now });
    await recordAudit(tx, { actorId: null, action: "person.password-reset-requested", entityType: "person", entityId: person.email, after: { expiresAt: issued.expiresAt } });
    return issued;
  });
  return { kind: "accepted", reset: { name: person.name, email: person.email, link } };
}

/** Resets go by mail: offered when mail is sent (SMTP_URL), or kept in the demo's mailbox. */
export function passwordResetAvailable(): boolean {
  return mailGoesSomewhere();
}
