import { describe, expect, it } from "vitest";
import { cacheCheck } from "./availability";

describe("cacheCheck", () => {
  function fakeCheck() {
    const calls: ((value: boolean) => void)[] = [];
    const check = () => new Promise<boolean>((resolve) => calls.push(resolve));
    return { check, calls };
  }

  it("reuses an answer until it is older than maxAgeMs, then asks again", async () => {
    let clock = 0;
    let answers = 0;
    const check = cacheCheck(async () => ++answers % 2 === 1, { maxAgeMs: 1_000, now: () => clock });
    expect(await check()).toBe(true);
    clock = 999;
    expect(await check()).toBe(true);
    expect(answers).toBe(1);
    clock = 1_000;
    expect(await check()).toBe(false);
    expect(answers).toBe(2);
  });

  it("lets callers that arrive during a check share it", async () => {
    const { check, calls } = fakeCheck();
    const cached = cacheCheck(check, { maxAgeMs: 1_000, now: () => 0 });
    const first = cached();
    const second = cached();
    expect(calls).toHaveLength(1);
    calls[0]!(false);
    expect(await Promise.all([first, second])).toEqual([false, false]);
  });

  it("counts a check that throws as unavailable, and asks again next time", async () => {
    let clock = 0;
    let fail = true;
    const cached = cacheCheck(
      async () => {
        if (fail) throw new Error("boom");
        return true;
      },
      { maxAgeMs: 1_000, now: () => clock },
    );
    expect(await cached()).toBe(false);
    fail = false;
    clock = 1_000;
    expect(await cached()).toBe(true);
  });
});
