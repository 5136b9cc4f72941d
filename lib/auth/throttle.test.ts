import { describe, expect, it } from "vitest";
import { describeRetryAfter, judgeAttempts, signInThrottleKeys } from "./throttle";

const policy = { limit: 5, windowMs: 15 * 60_000 };
const now = new Date("2026-11-23T12:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("judgeAttempts", () => {
  it("allows up to the limit minus one recent failure", () => {
    expect(judgeAttempts([1, 2, 3, 4].map(minutesAgo), now, policy)).toEqual({ allowed: true, retryAfterMs: 0 });
  });

  it("refuses at the limit until the oldest counted failure leaves the window", () => {
    const verdict = judgeAttempts([1, 2, 3, 4, 10].map(minutesAgo), now, policy);
    expect(verdict).toEqual({ allowed: false, retryAfterMs: 5 * 60_000 });
  });

  it("with more failures than the limit, waits for enough of them to expire", () => {
    // Six failures: one more attempt is allowed once only four remain in the window, i.e. when the 5th most recent expires.
    const verdict = judgeAttempts([1, 2, 3, 4, 6, 14].map(minutesAgo), now, policy);
    expect(verdict.retryAfterMs).toBe(9 * 60_000);
  });

  it("ignores failures older than the window", () => {
    expect(judgeAttempts([1, 2, 3, 4, 15, 16, 30].map(minutesAgo), now, policy).allowed).toBe(true);
  });
});

describe("signInThrottleKeys", () => {
  it("keys the account case-insensitively and the client when known", () => {
    expect(signInThrottleKeys(" Maya@Example.org ", "10.0.0.7")).toEqual(["account:maya@example.org", "client:10.0.0.7"]);
    expect(signInThrottleKeys("maya@example.org", null)).toEqual(["account:maya@example.org"]);
  });
});

describe("describeRetryAfter", () => {
  it("rounds up to whole minutes", () => {
    expect(describeRetryAfter(30_000)).toBe("Try again in a minute.");
    expect(describeRetryAfter(4 * 60_000 + 1)).toBe("Try again in 5 minutes.");
  });
});
