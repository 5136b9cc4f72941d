import { describe, expect, it } from "vitest";
import type { EvaluatedCell, Gap } from "@/lib/rules";
import { compareByCoverage, NO_COVERAGE, summarizeAssetCoverage } from "./asset-coverage";

function cell(assetId: number, concernId: number, covered: boolean, gaps: Gap[] = [], inScope = true): EvaluatedCell {
  return {
    assetId,
    assetKey: `asset-${assetId}`,
    assetKindKey: "website",
    assetCriticality: "high",
    inScope,
    concernId,
    concernKey: `concern-${concernId}`,
    concernHome: "it",
    holders: [],
    latestReviewDecision: null,
    covered,
    gaps,
    score: 0,
  };
}

const STALE: Gap = { type: "stale", severity: "medium" };
const NO_A: Gap = { type: "no-accountable", severity: "critical" };

describe("summarizeAssetCoverage", () => {
  it("counts covered cells over cells in scope, and every gap, per asset", () => {
    const summary = summarizeAssetCoverage([cell(1, 1, true), cell(1, 2, true, [STALE]), cell(1, 3, false, [NO_A, STALE]), cell(2, 1, false, [NO_A])]);
    expect(summary.get(1)).toEqual({ inScope: 3, covered: 2, percent: 66.7, gaps: 3 });
    expect(summary.get(2)).toEqual({ inScope: 1, covered: 0, percent: 0, gaps: 1 });
  });

  it("gives a retired asset nothing in scope and no percent", () => {
    expect(summarizeAssetCoverage([cell(3, 1, false, [], false)]).get(3)).toEqual({ inScope: 0, covered: 0, percent: null, gaps: 0 });
  });
});

describe("compareByCoverage", () => {
  const row = (key: string, percent: number | null, gaps = 0) => ({ key, coverage: { ...NO_COVERAGE, percent, gaps } });

  it("puts the least covered first ascending, and assets with nothing in scope last either way", () => {
    const rows = [row("b", 50), row("retired", null), row("a", 100), row("c", 0)];
    expect([...rows].sort((x, y) => compareByCoverage(x, y, "asc")).map((r) => r.key)).toEqual(["c", "b", "a", "retired"]);
    expect([...rows].sort((x, y) => compareByCoverage(x, y, "desc")).map((r) => r.key)).toEqual(["a", "b", "c", "retired"]);
  });

  it("breaks ties by more gaps first, then by key", () => {
    const rows = [row("b", 50, 1), row("a", 50, 1), row("c", 50, 4)];
    expect([...rows].sort((x, y) => compareByCoverage(x, y, "asc")).map((r) => r.key)).toEqual(["c", "a", "b"]);
  });
});
