import bcrypt from "bcryptjs";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import { hashNeedsUpgrade, hashPassword, PASSWORD_HASH_COST } from "./password-policy";
import { admitSignInAttempt, forgiveSignInAttempt, signInThrottleKeys } from "./throttle";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter an email address.").max(TEXT_MAX.email),
  password: z.string().min(1, "Enter your password.").max(TEXT_MAX.password),
});

/**
 * Compared against when the account does not exist, so a wrong email takes as long as a wrong password (of
 * the same cost as every password's hash).
 */
const NO_SUCH_ACCOUNT_HASH = bcrypt.hashSync("no such account", PASSWORD_HASH_COST);

export interface AuthenticatedPerson {
  id: number;
  email: string;
  name: string;
}

/**
 * Checks an email and password. Only active people with a role that may sign in (admin, manager,
 * viewer) and a password get through; the answer never says which check failed.
 */
export async function verifyCredentials(prisma: Db, input: unknown): Promise<AuthenticatedPerson | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const person = await prisma.person.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, deactivatedAt: true },
  });
  const passwordMatches = await bcrypt.compare(parsed.data.password, person?.passwordHash ?? NO_SUCH_ACCOUNT_HASH);
  // Without a password of their own (SSO only), nobody matches: not even the dummy hash's phrase.
  if (!person?.passwordHash || !passwordMatches || person.deactivatedAt || person.role === "none") return null;
  // A hash made with less work than passwords get now (before cost 12) is replaced while the password is at hand.
  if (hashNeedsUpgrade(person.passwordHash)) {
    const stronger = await hashPassword(parsed.data.password);
    // In SQL, so the person's `updatedAt` (an editor's version) stays: nothing an admin sees has changed.
    await prisma.$executeRaw`UPDATE "Person" SET "passwordHash" = ${stronger} WHERE id = ${person.id} AND "passwordHash" = ${person.passwordHash}`;
  }
  return { id: person.id, email: person.email, name: person.name };
}

export type SignInOutcome =
  | { kind: "signed-in"; person: AuthenticatedPerson }
  | { kind: "refused" }
  | { kind: "throttled"; retryAfterMs: number };

/**
 * A sign-in attempt with throttling: refused outright while the account or the client has too many recent
 * failures (before any password check, so guessing stops). An admitted attempt counts as a failure before its
 * password is compared, so attempts sent together cannot all be compared, and is forgiven when it succeeds.
 */
export async function attemptSignIn(prisma: Db, input: unknown, clientAddress: string | null, now = new Date()): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { kind: "refused" };
  const admitted = await admitSignInAttempt(prisma, signInThrottleKeys(parsed.data.email, clientAddress), now);
  if (!admitted.allowed) return { kind: "throttled", retryAfterMs: admitted.retryAfterMs };
  const person = await verifyCredentials(prisma, parsed.data);
  if (!person) return { kind: "refused" };
  await forgiveSignInAttempt(prisma, parsed.data.email, admitted.attemptIds);
  return { kind: "signed-in", person };
}
