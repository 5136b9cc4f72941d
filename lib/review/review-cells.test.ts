import { describe, expect, it } from "vitest";
import { computeReviewScope } from "@/lib/rules";
import { holder, makeEvaluated, makePeople, makePerson } from "@/tools/testing/rule-fixtures";
import { countProgress, describeUndecided, groupByAsset, listUndecided, withDecidedCells } from "./review-cells";

const people = makePeople(makePerson(1, "it", { teamId: 20 }), makePerson(2, "marketing", { teamId: 10 }));
const IT_TEAM = { id: 20, function: "it" } as const;

const heldByIt = makeEvaluated({ assetId: 1, assetKey: "site", concernId: 1, concernKey: "hosting", concernHome: "it", holders: [holder(1, "A")] }, people);
const criticalUncovered = makeEvaluated({ assetId: 2, assetKey: "crm", concernId: 2, concernKey: "backup", concernHome: "it", assetCriticality: "critical" }, people);
const marketingOnly = makeEvaluated({ assetId: 1, assetKey: "site", concernId: 3, concernKey: "content", holders: [holder(2, "A")] }, people);
const retired = makeEvaluated({ assetId: 3, assetKey: "old", concernId: 1, concernKey: "hosting", concernHome: "it", inScope: false, holders: [holder(1, "A")] }, people);
const all = [heldByIt, criticalUncovered, marketingOnly, retired];

describe("withDecidedCells", () => {
  const scope = computeReviewScope(IT_TEAM, all, people, []);

  it("starts from the rule's scope, critical assets first", () => {
    expect(withDecidedCells(scope, all, []).map((c) => c.assetKey)).toEqual(["crm", "site"]);
  });

  it("keeps a decided cell that has left the scope, in review order", () => {
    const cells = withDecidedCells(scope, all, [{ assetId: 1, concernId: 3 }]);
    expect(cells.map((c) => `${c.assetKey}/${c.concernKey}`)).toEqual(["crm/backup", "site/content", "site/hosting"]);
  });

  it("does not bring back a retired cell", () => {
    expect(withDecidedCells(scope, all, [{ assetId: 3, concernId: 1 }])).toHaveLength(2);
  });
});

describe("progress", () => {
  const cells = [{ assetId: 1, concernId: 1 }, { assetId: 1, concernId: 2 }, { assetId: 2, concernId: 1 }];

  it("counts decided cells of the review and lists the rest", () => {
    const decided = [{ assetId: 1, concernId: 2 }, { assetId: 9, concernId: 9 }];
    expect(countProgress(cells, decided)).toEqual({ decided: 1, total: 3 });
    expect(listUndecided(cells, decided)).toEqual([cells[0], cells[2]]);
  });

  it("says how many are undecided", () => {
    expect(describeUndecided(1)).toBe("1 cell is still undecided");
    expect(describeUndecided(4)).toBe("4 cells are still undecided");
  });
});

describe("groupByAsset", () => {
  it("groups cells per asset in their first-seen order", () => {
    const groups = groupByAsset([{ assetId: 2, n: 1 }, { assetId: 1, n: 2 }, { assetId: 2, n: 3 }]);
    expect(groups).toEqual([
      { assetId: 2, cells: [{ assetId: 2, n: 1 }, { assetId: 2, n: 3 }] },
      { assetId: 1, cells: [{ assetId: 1, n: 2 }] },
    ]);
  });
});
