import { describe, expect, it } from "vitest";
import type { LoadedReport } from "@/lib/report/load-report";
import { makeEvaluated } from "@/tools/testing/rule-fixtures";
import { listTopGaps, listTopHotspots } from "./top-cells";

const gap = (assetKey: string, concernKey: string, type: LoadedReport["gaps"][number]["type"], score: number) =>
  ({ assetKey, concernKey, type, severity: type === "no-accountable" ? "critical" : "medium", score }) as const;

const report: Pick<LoadedReport, "gaps" | "hotspots" | "cells" | "catalog"> = {
  gaps: [
    gap("crm", "privacy", "no-accountable", 40),
    gap("crm", "privacy", "stale", 40),
    ...["a", "b", "c", "d", "e"].map((key, i) => gap(key, "content", "stale", 10 - i)),
  ],
  hotspots: ["h1", "h2", "h3", "h4", "h5", "h6"].map((key, i) => ({ assetKey: key, concernKey: "tracking", score: 30 - i, flags: i, ownershipChanges: 1, handoffs: 0 })),
  cells: [makeEvaluated({ assetKey: "crm", concernKey: "privacy", assetCriticality: "critical" })],
  catalog: {
    teams: [],
    kinds: [],
    concerns: [{ key: "privacy", name: "Privacy & compliance", home: "shared" }],
    assets: [{ key: "crm", name: "HubSpot CRM" }],
    people: [],
  },
};

describe("listTopGaps", () => {
  it("takes the first five cells of the ranking, each with all its gap rows, linking to the drilled-down report", () => {
    const top = listTopGaps(report);
    expect(top.map((entry) => [entry.cell, entry.score, entry.gaps.map((g) => g.type)])).toEqual([
      ["crm/privacy", 40, ["no-accountable", "stale"]],
      ["a/content", 10, ["stale"]],
      ["b/content", 9, ["stale"]],
      ["c/content", 8, ["stale"]],
      ["d/content", 7, ["stale"]],
    ]);
    expect(top[0]).toMatchObject({ assetName: "HubSpot CRM", concernName: "Privacy & compliance", criticality: "critical", href: "/report?selCell=crm%2Fprivacy" });
    // Names unknown to the catalog fall back to the keys.
    expect(top[1]).toMatchObject({ assetName: "a", concernName: "content" });
  });
});

describe("listTopHotspots", () => {
  it("takes the five highest hotspots with their activity", () => {
    const top = listTopHotspots(report);
    expect(top.map((entry) => [entry.cell, entry.score, entry.flags])).toEqual([
      ["h1/tracking", 30, 0],
      ["h2/tracking", 29, 1],
      ["h3/tracking", 28, 2],
      ["h4/tracking", 27, 3],
      ["h5/tracking", 26, 4],
    ]);
    expect(top[0]?.href).toBe("/report?selCell=h1%2Ftracking");
  });
});
