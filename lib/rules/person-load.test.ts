import { describe, expect, it } from "vitest";
import { computePersonLoad } from "./person-load";
import { holder, makeEvaluated, makePeople, makePerson } from "@/tools/testing/rule-fixtures";
import { DEFAULT_RULE_SETTINGS } from "./weights";
import type { Criticality, EvaluatedCell } from "./types";

const OWNER = 1;
const OTHER = 2;
const GONE = 3;
const people = makePeople(
  makePerson(OWNER, "marketing", { email: "owner@example.com" }),
  makePerson(OTHER, "it", { email: "other@example.com" }),
  makePerson(GONE, "it", { email: "gone@example.com", active: false }),
);

/** `count` in-scope cells of one concern, the first `ownedByOwner` held (A) by OWNER, the rest by OTHER. */
function concernCells(concernKey: string, count: number, ownedByOwner: number): EvaluatedCell[] {
  return Array.from({ length: count }, (_, i) =>
    makeEvaluated({ concernKey, holders: [holder(i < ownedByOwner ? OWNER : OTHER, "A")] }, people),
  );
}

/** `count` high/critical cells of OWNER, each on its own concern so no concern share applies. */
function highCriticalCells(count: number): EvaluatedCell[] {
  return Array.from({ length: count }, (_, i) =>
    makeEvaluated(
      {
        concernKey: `concern-${i}`,
        assetCriticality: (i % 2 === 0 ? "high" : "critical") as Criticality,
        holders: [holder(OWNER, "A")],
      },
      people,
    ),
  );
}

const loadOf = (cells: EvaluatedCell[], personId = OWNER) =>
  computePersonLoad(cells, people, DEFAULT_RULE_SETTINGS).find((load) => load.personId === personId);

describe("computePersonLoad", () => {
  it("counts accountable and high/critical in-scope cells", () => {
    const cells = [
      ...highCriticalCells(2),
      makeEvaluated({ assetCriticality: "medium", holders: [holder(OWNER, "A")] }, people),
      makeEvaluated({ assetCriticality: "critical", holders: [holder(OWNER, "R")] }, people),
      makeEvaluated({ assetCriticality: "critical", inScope: false, holders: [holder(OWNER, "A")] }, people),
    ];
    expect(loadOf(cells)).toEqual({
      personId: OWNER,
      email: "owner@example.com",
      accountableCells: 3,
      highCriticalCells: 2,
      overloaded: false,
      overloadReasons: [],
    });
  });

  it("is not overloaded at 15 high/critical cells and is at 16", () => {
    expect(loadOf(highCriticalCells(15))).toMatchObject({ highCriticalCells: 15, overloaded: false });
    expect(loadOf(highCriticalCells(16))).toMatchObject({
      highCriticalCells: 16,
      overloaded: true,
      overloadReasons: ["high-critical"],
    });
  });

  it("is not overloaded at exactly 25% of a 20-cell concern and is above it", () => {
    expect(loadOf(concernCells("privacy", 20, 5))).toMatchObject({ accountableCells: 5, overloaded: false });
    expect(loadOf(concernCells("privacy", 20, 6))).toMatchObject({
      accountableCells: 6,
      overloaded: true,
      overloadReasons: ["concern:privacy"],
    });
  });

  it("ignores concern share on a concern with 19 in-scope cells", () => {
    expect(loadOf(concernCells("privacy", 19, 10))).toMatchObject({ overloaded: false, overloadReasons: [] });
  });

  it("does not count retired cells toward a concern's size", () => {
    const retired = Array.from({ length: 5 }, () =>
      makeEvaluated({ concernKey: "privacy", inScope: false, holders: [holder(OTHER, "A")] }, people),
    );
    expect(loadOf([...concernCells("privacy", 19, 6), ...retired])).toMatchObject({ overloaded: false });
  });

  it("lists every reason, high-critical first and concerns by key", () => {
    const cells = [...highCriticalCells(16), ...concernCells("zeta", 20, 6), ...concernCells("alpha", 20, 6)];
    expect(loadOf(cells)?.overloadReasons).toEqual(["high-critical", "concern:alpha", "concern:zeta"]);
  });

  it("uses the settings", () => {
    const settings = { ...DEFAULT_RULE_SETTINGS, overloadHighCriticalCells: 1 };
    const [load] = computePersonLoad(highCriticalCells(2), people, settings);
    expect(load?.overloadReasons).toEqual(["high-critical"]);
  });

  it("omits inactive people, unknown people and people without an A; sorts by load then email", () => {
    const cells = [
      makeEvaluated({ holders: [holder(GONE, "A")] }, people),
      makeEvaluated({ holders: [holder(99, "A")] }, people),
      makeEvaluated({ holders: [holder(OWNER, "A")] }, people),
      makeEvaluated({ holders: [holder(OTHER, "A")] }, people),
    ];
    expect(computePersonLoad(cells, people, DEFAULT_RULE_SETTINGS).map((load) => load.email)).toEqual([
      "other@example.com",
      "owner@example.com",
    ]);
    const more = [...cells, makeEvaluated({ holders: [holder(OWNER, "A")] }, people)];
    expect(
      computePersonLoad(more, people, DEFAULT_RULE_SETTINGS).map((load) => load.accountableCells),
    ).toEqual([2, 1]);
  });

  it("counts a cell once for a person holding A on it twice", () => {
    const cells = [makeEvaluated({ holders: [holder(OWNER, "A"), holder(OWNER, "A")] }, people)];
    expect(loadOf(cells)?.accountableCells).toBe(1);
  });
});
