import type { Db } from "@/lib/db/client";

/**
 * Sign-in throttling: after `limit` failed attempts within `windowMs`, for one account or from one client,
 * further attempts are refused without checking the password until the oldest failure leaves the window.
 * Failures are counted per account whether or not the account exists, so being throttled reveals nothing.
 */
export interface ThrottlePolicy {
  limit: number;
  windowMs: number;
}

/** Per account: 5 failures in 15 minutes. Per client: more, since an office shares one address. */
export const ACCOUNT_THROTTLE: ThrottlePolicy = { limit: 5, windowMs: 15 * 60_000 };
export const CLIENT_THROTTLE: ThrottlePolicy = { limit: 30, windowMs: 15 * 60_000 };

function policyOf(key: string): ThrottlePolicy {
  return key.startsWith("client:") ? CLIENT_THROTTLE : ACCOUNT_THROTTLE;
}

const LONGEST_WINDOW_MS = Math.max(ACCOUNT_THROTTLE.windowMs, CLIENT_THROTTLE.windowMs);

export interface ThrottleVerdict {
  allowed: boolean;
  /** When refused: how long until one more attempt is allowed. */
  retryAfterMs: number;
}

/** The verdict for one key from the times of its recent failures (any order, any age). */
export function judgeAttempts(failures: readonly Date[], now: Date, policy: ThrottlePolicy): ThrottleVerdict {
  const windowStart = now.getTime() - policy.windowMs;
  const recent = failures
    .map((failure) => failure.getTime())
    .filter((time) => time > windowStart)
    .sort((a, b) => b - a);
  if (recent.length < policy.limit) return { allowed: true, retryAfterMs: 0 };
  // The attempt that makes room again is the limit-th most recent one leaving the window.
  const freesUpAt = recent[policy.limit - 1]! + policy.windowMs;
  return { allowed: false, retryAfterMs: Math.max(1, freesUpAt - now.getTime()) };
}

export function signInThrottleKeys(email: string, clientAddress: string | null): string[] {
  const keys = [`account:${email.trim().toLowerCase().slice(0, 254)}`];
  if (clientAddress) keys.push(`client:${clientAddress.slice(0, 100)}`);
  return keys;
}

/** The strictest verdict over the keys of one attempt, from the recent failures of those keys. */
export function judgeKeys(keys: readonly string[], failures: readonly { key: string; at: Date }[], now: Date): ThrottleVerdict {
  const refused = keys
    .map((key) =>
      judgeAttempts(
        failures.filter((failure) => failure.key === key).map((failure) => failure.at),
        now,
        policyOf(key),
      ),
    )
    .filter((verdict) => !verdict.allowed);
  if (refused.length === 0) return { allowed: true, retryAfterMs: 0 };
  return { allowed: false, retryAfterMs: Math.max(...refused.map((verdict) => verdict.retryAfterMs)) };
}

export type AdmittedAttempt = { allowed: true; attemptIds: number[] } | { allowed: false; retryAfterMs: number };

/** Advisory lock class of the throttle's per-key locks, apart from the migrations' lock. */
const THROTTLE_LOCK_CLASS = 7_314;

/**
 * Admits one sign-in attempt, counting it as a failure before its password is compared, or refuses it.
 * Checking, comparing and then recording let every attempt that arrived together pass the check before any
 * failure counted (12 of 40 parallel guesses were compared). Here each key's advisory lock is held while its
 * recent failures are read and the attempt is written, so attempts arriving together queue, each seeing the
 * ones before it: at most `limit` are ever compared per key and window. Keys are locked in one order, so two
 * attempts sharing a client and an account cannot deadlock. A successful attempt takes its count back.
 */
export async function admitSignInAttempt(prisma: Db, keys: string[], now = new Date()): Promise<AdmittedAttempt> {
  // Failures that have left every window, dropped outside the locks: every attempt may delete the same old rows.
  await prisma.signInFailure.deleteMany({ where: { at: { lt: new Date(now.getTime() - LONGEST_WINDOW_MS) } } });
  return prisma.$transaction(
    async (tx) => {
      for (const key of [...keys].sort()) {
        await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${THROTTLE_LOCK_CLASS}::int, hashtext(${key}))`;
      }
      const failures = await tx.signInFailure.findMany({
        where: { key: { in: keys }, at: { gt: new Date(now.getTime() - LONGEST_WINDOW_MS) } },
        select: { key: true, at: true },
      });
      const verdict = judgeKeys(keys, failures, now);
      if (!verdict.allowed) return { allowed: false, retryAfterMs: verdict.retryAfterMs };
      const attempts = await tx.signInFailure.createManyAndReturn({ data: keys.map((key) => ({ key, at: now })), select: { id: true } });
      return { allowed: true, attemptIds: attempts.map((attempt) => attempt.id) };
    },
    // Attempts for one account queue on its lock; each holds it for a few milliseconds.
    { maxWait: 15_000, timeout: 15_000 },
  );
}

/**
 * A successful sign-in forgives the account's failures, and its own attempt no longer counts against its
 * client (an office signing in every morning must not throttle itself); the client's failures still count.
 */
export async function forgiveSignInAttempt(prisma: Db, email: string, attemptIds: number[]): Promise<void> {
  const [accountKey] = signInThrottleKeys(email, null);
  await prisma.signInFailure.deleteMany({ where: { OR: [{ key: accountKey }, { id: { in: attemptIds } }] } });
}

/** "Try again in 12 minutes." */
export function describeRetryAfter(retryAfterMs: number): string {
  const minutes = Math.ceil(retryAfterMs / 60_000);
  return minutes <= 1 ? "Try again in a minute." : `Try again in ${minutes} minutes.`;
}
