import { describe, expect, it } from "vitest";
import { assignExclusively } from "./partition";

describe("assignExclusively", () => {
  it("gives each key to exactly one of its candidates", () => {
    const team = ["a", "b", "c", "d", "e", "f", "g"];
    const shared = ["s1", "s2"];
    const candidates = new Map([
      [0, [...team, ...shared]],
      [1, [...team, ...shared]],
      [2, shared],
      [3, []],
    ]);
    const assigned = assignExclusively(candidates);
    expect([...assigned.values()].flat().sort()).toEqual([...team, ...shared].sort());
    for (const [user, keys] of assigned)
      expect(keys.every((key) => candidates.get(user)!.includes(key))).toBe(true);
    expect(assigned.get(3)).toEqual([]);
  });

  it("shares keys that every user may take evenly", () => {
    const keys = Array.from({ length: 31 }, (_, index) => `k${index}`);
    const assigned = assignExclusively(new Map([0, 1, 2, 3, 4].map((user) => [user, keys])));
    expect([...assigned.values()].map((share) => share.length).sort()).toEqual([6, 6, 6, 6, 7]);
  });

  it("places the keys only one user may take first, so the others go around them", () => {
    const assigned = assignExclusively(
      new Map([
        [0, ["a", "b"]],
        [1, ["a"]],
      ]),
    );
    expect(assigned).toEqual(
      new Map([
        [0, ["b"]],
        [1, ["a"]],
      ]),
    );
  });

  it("counts a key listed twice by the same user once", () => {
    expect(assignExclusively(new Map([[5, ["x", "x"]]])).get(5)).toEqual(["x"]);
  });
});
