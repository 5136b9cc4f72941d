import { describe, expect, it } from "vitest";
import { computeReviewScope } from "./review-scope";
import { holder, makeEvaluated, makePeople, makePerson } from "@/tools/testing/rule-fixtures";
import type { EvaluatedCell } from "./types";

const MKT_TEAM = { id: 10, function: "marketing" } as const;
const IT_TEAM = { id: 20, function: "it" } as const;
const OTHER_TEAM = { id: 30, function: "other" } as const;

const people = makePeople(
  makePerson(1, "marketing", { teamId: 10 }),
  makePerson(2, "it", { teamId: 20 }),
  makePerson(3, "other", { teamId: 30 }),
  makePerson(4, "marketing", { teamId: 10, active: false }),
  makePerson(5, "marketing", { teamId: 11 }),
);

const cells: EvaluatedCell[] = [
  // 0: covered marketing cell held by team 10
  makeEvaluated({ assetKey: "site", concernKey: "content", holders: [holder(1, "A")] }, people),
  // 1: covered IT cell where team 10 is R only
  makeEvaluated(
    { assetKey: "site", concernKey: "hosting", concernHome: "it", holders: [holder(2, "A"), holder(1, "R")] },
    people,
  ),
  // 2: uncovered marketing cell held by nobody
  makeEvaluated({ assetKey: "crm", concernKey: "content", assetCriticality: "critical" }, people),
  // 3: uncovered IT cell
  makeEvaluated(
    { assetKey: "crm", concernKey: "backup", concernHome: "it", assetCriticality: "high" },
    people,
  ),
  // 4: uncovered shared cell (one-sided, held by team 11)
  makeEvaluated(
    { assetKey: "app", concernKey: "privacy", concernHome: "shared", holders: [holder(5, "A")] },
    people,
  ),
  // 5: covered IT cell, handed off to marketing
  makeEvaluated(
    { assetKey: "app", concernKey: "hosting", concernHome: "it", holders: [holder(2, "A")] },
    people,
  ),
  // 6: retired uncovered marketing cell, also handed off
  makeEvaluated({ assetKey: "old", concernKey: "content", inScope: false }, people),
  // 7: covered marketing cell where team 10 is only C
  makeEvaluated(
    { assetKey: "blog", concernKey: "content", holders: [holder(5, "A"), holder(1, "C")] },
    people,
  ),
  // 8: departed member of team 10 holds A
  makeEvaluated(
    { assetKey: "blog", concernKey: "seo", concernHome: "it", holders: [holder(4, "A")] },
    people,
  ),
  // 9: covered shared cell held by team 10 and IT; handed off to team 10 too (no duplicate)
  makeEvaluated(
    {
      assetKey: "site",
      concernKey: "tracking",
      concernHome: "shared",
      holders: [holder(1, "A"), holder(2, "R")],
    },
    people,
  ),
];

const keysOf = (scope: EvaluatedCell[]) => scope.map((cell) => `${cell.assetKey}/${cell.concernKey}`);
const handOff = (...indexes: number[]) =>
  indexes.map((i) => ({ assetId: cells[i]?.assetId ?? -1, concernId: cells[i]?.concernId ?? -1 }));

describe("computeReviewScope", () => {
  it("gives a marketing team its A/R cells, uncovered marketing and shared cells, and handoffs", () => {
    const scope = computeReviewScope(MKT_TEAM, cells, people, handOff(5, 6, 9));
    expect(keysOf(scope)).toEqual([
      "crm/content",
      "app/hosting",
      "app/privacy",
      "blog/seo",
      "site/content",
      "site/hosting",
      "site/tracking",
    ]);
  });

  it("gives an IT team its cells, uncovered IT and shared cells", () => {
    const scope = computeReviewScope(IT_TEAM, cells, people, []);
    expect(keysOf(scope)).toEqual([
      "crm/backup",
      "app/hosting",
      "app/privacy",
      "blog/seo",
      "site/hosting",
      "site/tracking",
    ]);
  });

  it("gives an `other` team only its own cells and handoffs, no uncovered cells by home", () => {
    const own = makeEvaluated({ assetKey: "bot", concernKey: "content", holders: [holder(3, "R")] }, people);
    expect(keysOf(computeReviewScope(OTHER_TEAM, [...cells, own], people, handOff(3)))).toEqual([
      "crm/backup",
      "bot/content",
    ]);
    expect(computeReviewScope(OTHER_TEAM, cells, people, [])).toEqual([]);
  });
});
