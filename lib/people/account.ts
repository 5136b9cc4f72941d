import "server-only";
import bcrypt from "bcryptjs";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword, refineNewPassword } from "@/lib/auth/password-policy";
import { endEarlierSessions } from "@/lib/auth/session-validity";
import { admitSignInAttempt, describeRetryAfter, forgiveSignInAttempt, signInThrottleKeys } from "@/lib/auth/throttle";
import { getPrisma, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { changeOwnPasswordSchema, type ChangeOwnPasswordInput } from "./schemas";

/** "My account": what a signed-in person reads and changes of their own account, whatever their role. */

type Tx = Prisma.TransactionClient;

/** The password rules of lib/auth (72 bytes at most, no common password) on top of the length. */
export const changeOwnPasswordInputSchema = changeOwnPasswordSchema.superRefine(refineNewPassword);

export interface Account {
  id: number;
  name: string;
  email: string;
  role: "admin" | "manager" | "viewer" | "none";
  teamName: string | null;
  /** False for people who sign in through single sign-on only: they have no password to change. */
  hasPassword: boolean;
}

export async function getAccount(personId: number, db: Db = getPrisma()): Promise<Account | null> {
  const person = await db.person.findUnique({
    where: { id: personId },
    select: { id: true, name: true, email: true, role: true, passwordHash: true, team: { select: { name: true } } },
  });
  if (!person) return null;
  const { passwordHash, team, ...rest } = person;
  return { ...rest, teamName: team?.name ?? null, hasPassword: passwordHash !== null };
}

const refusal = (message: string) => new AppError("invalid", message, { fieldErrors: { currentPassword: [message] } });

/**
 * Changes the signed-in person's password and ends every session they had, this one included (the route
 * re-issues this one's cookie once the change is committed). The current password is compared under the
 * sign-in throttle of the account, so a stolen session cannot be used to guess it faster than the sign-in
 * form allows; the attempt is counted through `db`, outside the write's transaction `tx`, so that a refusal,
 * which rolls the write back, still counts.
 */
export async function changeOwnPassword(tx: Tx, personId: number, input: ChangeOwnPasswordInput, db: Db = getPrisma(), now = new Date()): Promise<void> {
  const person = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { email: true, passwordHash: true } });
  if (!person.passwordHash) throw refusal("You sign in through single sign-on: there is no password to change.");
  const admitted = await admitSignInAttempt(db, signInThrottleKeys(person.email, null), now);
  if (!admitted.allowed) throw refusal(`Too many wrong passwords. ${describeRetryAfter(admitted.retryAfterMs)}`);
  if (!(await bcrypt.compare(input.currentPassword, person.passwordHash))) throw refusal("This is not your current password.");
  await forgiveSignInAttempt(db, person.email, admitted.attemptIds);
  await tx.person.update({ where: { id: personId }, data: { passwordHash: await hashPassword(input.password) } });
  // A password is changed because the old one may be known: so may a session made with it, on any device.
  await endEarlierSessions(tx, personId, now);
  await recordAudit(tx, {
    actorId: personId,
    action: "person.password-changed",
    entityType: "person",
    entityId: person.email,
    after: { passwordChanged: true, sessionsEnded: true },
  });
}

/** Ends every session of the signed-in person on every device; the route clears this browser's cookie too. */
export async function signOutEverywhere(tx: Tx, personId: number, now = new Date()): Promise<void> {
  const { email } = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { email: true } });
  await endEarlierSessions(tx, personId, now);
  await recordAudit(tx, { actorId: personId, action: "person.signed-out-everywhere", entityType: "person", entityId: email, after: { sessionsEnded: true } });
}
