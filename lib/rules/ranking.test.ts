import { describe, expect, it } from "vitest";
import { rankGaps } from "./ranking";
import { holder, makeEvaluated, makePeople, makePerson } from "@/tools/testing/rule-fixtures";

const people = makePeople(makePerson(1, "marketing"));

describe("rankGaps", () => {
  it("keeps only cells with gaps, by score then asset key then concern key in code-unit order", () => {
    const covered = makeEvaluated({ assetKey: "aaa", holders: [holder(1, "A")] }, people);
    const retired = makeEvaluated({ assetKey: "aab", inScope: false }, people);
    const lowEmpty = makeEvaluated({ assetKey: "b", concernKey: "x" }, people); // 8
    const highEmpty = makeEvaluated({ assetKey: "z", assetCriticality: "high" }, people); // 24
    const tieSameAsset = makeEvaluated({ assetKey: "b", concernKey: "W" }, people); // 8, "W" < "x"
    const tieUpper = makeEvaluated({ assetKey: "B", concernKey: "z" }, people); // 8, "B" < "b"
    const ranked = rankGaps([covered, retired, lowEmpty, highEmpty, tieSameAsset, tieUpper]);
    expect(ranked.map((cell) => [cell.assetKey, cell.concernKey, cell.score])).toEqual([
      ["z", "content", 24],
      ["B", "z", 8],
      ["b", "W", 8],
      ["b", "x", 8],
    ]);
  });

  it("includes a covered cell that only has a stale gap", () => {
    const stale = makeEvaluated({ holders: [holder(1, "A", null)] }, people);
    expect(rankGaps([stale]).map((cell) => cell.score)).toEqual([2]);
  });

  it("does not reorder its input", () => {
    const cells = [makeEvaluated({ assetKey: "b" }), makeEvaluated({ assetKey: "a" })];
    rankGaps(cells);
    expect(cells.map((cell) => cell.assetKey)).toEqual(["b", "a"]);
  });
});
