/**
 * A token bucket per key, kept in this server process's memory: `limit` requests at once, refilled at `limit`
 * per minute. It limits what one API token may ask of one server, which is what protects the server; several
 * servers behind a load balancer each allow a token its own `limit` (README, "API").
 */

export interface RateVerdict {
  allowed: boolean;
  /** When refused: whole seconds until one more request is allowed (the Retry-After header). */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updatedAtMs: number;
}

export interface RateLimiter {
  take: (key: string, nowMs?: number) => RateVerdict;
}

/** Buckets kept at most; the ones untouched longest go first (a full bucket forgotten is a full bucket again). */
const MAX_KEYS = 10_000;

export function createRateLimiter(limitPerMinute: number): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const refillPerMs = limitPerMinute / 60_000;
  return {
    take(key, nowMs = Date.now()) {
      const bucket = buckets.get(key) ?? { tokens: limitPerMinute, updatedAtMs: nowMs };
      bucket.tokens = Math.min(limitPerMinute, bucket.tokens + Math.max(0, nowMs - bucket.updatedAtMs) * refillPerMs);
      bucket.updatedAtMs = nowMs;
      // Re-inserted so that the Map's order is the order of last use.
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > MAX_KEYS) buckets.delete(buckets.keys().next().value!);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, retryAfterSeconds: 0 };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
    },
  };
}
