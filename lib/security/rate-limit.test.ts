import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("the API's rate limit per token", () => {
  it("allows a burst of the limit, then refuses with the seconds until the next request", () => {
    const limiter = createRateLimiter(60);
    for (let request = 0; request < 60; request++) expect(limiter.take("token:1", 0).allowed).toBe(true);
    expect(limiter.take("token:1", 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // Refilled at one a second: half a second is not enough, a whole one is.
    expect(limiter.take("token:1", 500).allowed).toBe(false);
    expect(limiter.take("token:1", 1_000).allowed).toBe(true);
    expect(limiter.take("token:1", 1_000).allowed).toBe(false);
  });

  it("counts each token on its own", () => {
    const limiter = createRateLimiter(2);
    expect([limiter.take("a", 0), limiter.take("a", 0), limiter.take("a", 0)].map((verdict) => verdict.allowed)).toEqual([true, true, false]);
    expect(limiter.take("b", 0).allowed).toBe(true);
    // Two a minute: the next one in 30 seconds.
    expect(limiter.take("a", 0).retryAfterSeconds).toBe(30);
  });

  it("never holds more than a full bucket after a long pause", () => {
    const limiter = createRateLimiter(3);
    limiter.take("a", 0);
    const allowed = Array.from({ length: 5 }, () => limiter.take("a", 3_600_000).allowed);
    expect(allowed).toEqual([true, true, true, false, false]);
  });
});
