import { describe, expect, it } from "vitest";
import { cellKey } from "./as-of";
import { buildCells, type RuleAsset, type RuleConcern } from "./build-cells";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const asset = (overrides: Partial<RuleAsset> & Pick<RuleAsset, "id" | "key" | "kindKey">): RuleAsset => ({
  criticality: "medium",
  lifecycle: "active",
  createdAt: day("2026-01-01"),
  retiredAt: null,
  ...overrides,
});

const concerns: RuleConcern[] = [
  { id: 1, key: "content", home: "marketing", kindKeys: ["website", "cms"] },
  { id: 2, key: "backup-recovery", home: "it", kindKeys: ["website"] },
];

describe("buildCells", () => {
  it("makes one cell per asset and concern that applies to its kind", () => {
    const cells = buildCells(
      [asset({ id: 10, key: "site", kindKey: "website" }), asset({ id: 11, key: "cms", kindKey: "cms" })],
      concerns,
      new Map(),
      new Map(),
      day("2026-06-01"),
    );
    expect(cells.map((c) => `${c.assetKey}/${c.concernKey}`)).toEqual(["site/content", "site/backup-recovery", "cms/content"]);
    expect(cells.every((c) => c.inScope && c.holders.length === 0 && c.latestReviewDecision === null)).toBe(true);
  });

  it("gives a kind that no concern applies to no cells", () => {
    expect(buildCells([asset({ id: 1, key: "x", kindKey: "chatbot" })], concerns, new Map(), new Map(), day("2026-06-01"))).toEqual([]);
  });

  it("attaches holders and the latest review decision by cell", () => {
    const holders = new Map([[cellKey(10, 1), [{ personId: 5, role: "A" as const, confirmedAt: null }]]]);
    const decisions = new Map([[cellKey(10, 2), "flag" as const]]);
    const [content, backup] = buildCells([asset({ id: 10, key: "site", kindKey: "website" })], concerns, holders, decisions, day("2026-06-01"));
    expect(content?.holders).toEqual([{ personId: 5, role: "A", confirmedAt: null }]);
    expect(content?.latestReviewDecision).toBeNull();
    expect(backup?.latestReviewDecision).toBe("flag");
  });

  it("keeps a retired asset in scope before its retirement and out of scope after", () => {
    const retired = asset({ id: 10, key: "old", kindKey: "cms", lifecycle: "retired", retiredAt: day("2026-03-01") });
    expect(buildCells([retired], concerns, new Map(), new Map(), day("2026-02-28"))[0]?.inScope).toBe(true);
    expect(buildCells([retired], concerns, new Map(), new Map(), day("2026-03-01"))[0]?.inScope).toBe(false);
    const undated = asset({ id: 11, key: "older", kindKey: "cms", lifecycle: "retired" });
    expect(buildCells([undated], concerns, new Map(), new Map(), day("2026-02-28"))[0]?.inScope).toBe(false);
  });

  it("leaves out assets created after the as-of date and counts planned ones in scope", () => {
    const later = asset({ id: 10, key: "new", kindKey: "cms", createdAt: day("2026-07-01") });
    const planned = asset({ id: 11, key: "planned", kindKey: "cms", lifecycle: "planned" });
    const cells = buildCells([later, planned], concerns, new Map(), new Map(), day("2026-06-01"));
    expect(cells.map((c) => [c.assetKey, c.inScope])).toEqual([["planned", true]]);
  });
});
