import { describe, expect, it } from "vitest";
import { listDescendants } from "./memory";

describe("listDescendants", () => {
  it("finds children, grandchildren and deeper, and nothing outside the tree", () => {
    const parents = new Map([
      [10, 1],
      [11, 10],
      [12, 11],
      [13, 10],
      [20, 1],
      [21, 20],
    ]);
    expect(listDescendants(10, parents).sort()).toEqual([11, 12, 13]);
    expect(listDescendants(12, parents)).toEqual([]);
    expect(listDescendants(99, parents)).toEqual([]);
  });
});
