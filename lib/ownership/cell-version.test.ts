import { describe, expect, it } from "vitest";
import { cellVersion } from "./cell-version";

describe("cellVersion", () => {
  it("does not depend on the order of the assignments", () => {
    expect(cellVersion([12, 3, 7])).toBe(cellVersion([7, 12, 3]));
  });

  it("changes when an assignment is added or ended", () => {
    expect(cellVersion([3, 7])).not.toBe(cellVersion([3, 7, 9]));
    expect(cellVersion([3, 7])).not.toBe(cellVersion([3]));
  });

  it("has a distinct version for an empty cell", () => {
    expect(cellVersion([])).toBe("empty");
  });
});
