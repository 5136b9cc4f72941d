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

/** The strictest verdict over the keys of one attempt. */
export async function checkSignInThrottle(prisma: Db, keys: string[], now = new Date()): Promise<ThrottleVerdict> {
  const rows = await prisma.signInFailure.findMany({
    where: { key: { in: keys }, at: { gt: new Date(now.getTime() - LONGEST_WINDOW_MS) } },
    select: { key: true, at: true },
  });
  const verdicts = keys.map((key) =>
    judgeAttempts(
      rows.filter((row) => row.key === key).map((row) => row.at),
      now,
      policyOf(key),
    ),
  );
  const refused = verdicts.filter((verdict) => !verdict.allowed);
  if (refused.length === 0) return { allowed: true, retryAfterMs: 0 };
  return { allowed: false, retryAfterMs: Math.max(...refused.map((verdict) => verdict.retryAfterMs)) };
}

/** Records a failed attempt under each key and drops failures that have left every window. */
export async function recordSignInFailure(prisma: Db, keys: string[], now = new Date()): Promise<void> {
  await prisma.$transaction([
    prisma.signInFailure.deleteMany({ where: { at: { lt: new Date(now.getTime() - LONGEST_WINDOW_MS) } } }),
    prisma.signInFailure.createMany({ data: keys.map((key) => ({ key, at: now })) }),
  ]);
}

/** A successful sign-in forgives the account's earlier failures (the client's still count). */
export async function clearAccountFailures(prisma: Db, email: string): Promise<void> {
  const [accountKey] = signInThrottleKeys(email, null);
  await prisma.signInFailure.deleteMany({ where: { key: accountKey } });
}

/** "Try again in 12 minutes." */
export function describeRetryAfter(retryAfterMs: number): string {
  const minutes = Math.ceil(retryAfterMs / 60_000);
  return minutes <= 1 ? "Try again in a minute." : `Try again in ${minutes} minutes.`;
}
