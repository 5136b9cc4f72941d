import { describe, expect, it } from "vitest";
import {
  asOfHref,
  countTicks,
  describeTrend,
  drillDownHref,
  heatStep,
  plural,
  shapeGapsByType,
  shapeHeatmap,
  shapePersonLoad,
  shapeTopHotspots,
  shapeTrend,
  shortConcernName,
  trendAxis,
  trendWeeksHref,
  truncateLabel,
} from "./chart-data";
import { largestHandoffFlows, shapeHandoffSankey } from "./handoff-chart-data";
import type { CoverageTrendPoint } from "./trend-types";

const figure = (percent: number | null) => ({ inScope: percent === null ? 0 : 100, covered: percent ?? 0, percent });
const point = (week: string, overall: number | null): CoverageTrendPoint => ({
  week,
  at: "2026-11-27T23:00:00.000Z",
  asOfDate: "2026-11-27",
  overall: figure(overall),
  marketing: figure(50),
  it: figure(60),
  shared: figure(null),
});

const teams = [
  { id: 1, name: "Brand & Content", function: "marketing" as const },
  { id: 4, name: "Web Platform", function: "it" as const },
];

describe("report links", () => {
  const view = { filters: { kind: "crm", asOf: "2026-11-02" }, selection: { selGap: "stale" }, sort: "score", page: 3, trendWeeks: 26 };

  it("replaces the selection, keeps filters, sort and trend length, drops the page and scrolls to the table", () => {
    expect(drillDownHref(view, { selKind: "website", selConcern: "privacy-compliance" })).toBe(
      "/report?kind=crm&asOf=2026-11-02&selKind=website&selConcern=privacy-compliance&sort=score&weeks=26#report-table",
    );
  });

  it("moves the as-of date and clears the drill-down", () => {
    expect(asOfHref(view, "2026-10-16")).toBe("/report?kind=crm&asOf=2026-10-16&weeks=26");
  });

  it("leaves the default trend length out of every link", () => {
    const defaultView = { ...view, trendWeeks: 12 };
    expect(drillDownHref(defaultView, { selGap: "flagged" })).not.toContain("weeks=");
    expect(asOfHref(defaultView, "2026-10-16")).not.toContain("weeks=");
  });

  it("switches the trend length, keeping the rest of the view", () => {
    expect(trendWeeksHref(view, 52)).toContain("weeks=52");
    expect(trendWeeksHref(view, 12)).not.toContain("weeks=");
    expect(trendWeeksHref(view, 12)).toContain("selGap=stale");
  });
});

describe("labels", () => {
  it("truncates long labels with an ellipsis and leaves short ones alone", () => {
    expect(truncateLabel("Salesforce Sales Cloud", 12)).toBe("Salesforce…");
    expect(truncateLabel("HubSpot", 12)).toBe("HubSpot");
  });

  it("puts a noun in the plural unless there is exactly one", () => {
    expect([0, 1, 2].map((count) => plural(count, "flag"))).toEqual(["0 flags", "1 flag", "2 flags"]);
  });

  it("shortens concern names at a colon or bracket", () => {
    expect(shortConcernName("Technical SEO: speed, mobile, markup")).toBe("Technical SEO");
    expect(shortConcernName("Privacy & compliance (GDPR, CCPA, consent)")).toBe("Privacy & compliance");
    expect(shortConcernName("Backup & recovery")).toBe("Backup & recovery");
  });
});

describe("count axis", () => {
  it("ends on a round tick at or above the maximum with at most six steps, or as many as asked", () => {
    expect(countTicks(111, 3)).toEqual([0, 50, 100, 150]);
    expect(countTicks(27)).toEqual([0, 5, 10, 15, 20, 25, 30]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(111)).toEqual([0, 20, 40, 60, 80, 100, 120]);
    expect(countTicks(12)).toEqual([0, 2, 4, 6, 8, 10, 12]);
  });
});

describe("coverage trend", () => {
  it("labels weeks by number and keeps null percentages as gaps in the line", () => {
    const [row] = shapeTrend([point("2026-W47", 71.4)]);
    expect(row).toMatchObject({ week: "2026-W47", weekLabel: "W47", overall: 71.4, shared: null });
  });

  it("starts the value axis a round ten below the lowest figure of any series", () => {
    const high = shapeTrend([point("2026-W46", 92), point("2026-W47", 95)]);
    // The marketing series (50%) is the lowest.
    expect(trendAxis(high)).toEqual({ domain: [40, 100], ticks: [40, 50, 60, 70, 80, 90, 100] });
    const rows = high.map((row) => ({ ...row, marketing: 88, it: 91 }));
    expect(trendAxis(rows)).toEqual({ domain: [80, 100], ticks: [80, 85, 90, 95, 100] });
    expect(trendAxis(rows.map((row) => ({ ...row, overall: 1 })))).toEqual({ domain: [0, 100], ticks: [0, 25, 50, 75, 100] });
    expect(trendAxis([]).domain).toEqual([0, 100]);
  });

  it("says whether coverage rose, fell or stayed, from the first to the last known week", () => {
    expect(describeTrend([point("2026-W46", 71), point("2026-W47", 78.4)])).toBe("Coverage rose from 71% to 78% over the last 2 weeks.");
    expect(describeTrend([point("2026-W45", null), point("2026-W46", 71), point("2026-W47", 78.4)])).toBe(
      "Coverage rose from 71% to 78% since 2026-W46.",
    );
    expect(describeTrend([point("2026-W46", 80), point("2026-W47", 75)])).toBe("Coverage fell from 80% to 75% over the last 2 weeks.");
    expect(describeTrend([point("2026-W47", 75)])).toBe("Coverage stayed at 75% over the last 1 week.");
    expect(describeTrend([])).toBe("No coverage figures for these weeks.");
  });
});

describe("gaps by type", () => {
  it("orders types as DESIGN.md does, teams as the catalog does, with 'No team' last and unknown names kept", () => {
    const shaped = shapeGapsByType(
      [
        { type: "stale", byTeam: { "Web Platform": 2, "No team": 1 }, total: 3 },
        { type: "no-accountable", byTeam: { "No team": 2, "Team 9": 1, "Brand & Content": 1 }, total: 3 },
      ],
      teams,
    );
    expect(shaped.series.map((entry) => [entry.name, entry.teamId])).toEqual([
      ["Brand & Content", 1],
      ["Web Platform", 4],
      ["Team 9", null],
      ["No team", null],
    ]);
    expect(shaped.rows.map((row) => row.type)).toEqual(["no-accountable", "stale"]);
    expect(shaped.rows[1]).toEqual({ type: "stale", total: 3, "team-4": 2, "no-team": 1 });
  });
});

describe("heatmap", () => {
  it("lays kinds and concerns out in catalog order, leaving out those without cells", () => {
    const grid = shapeHeatmap(
      [
        { kind: "crm", concern: "security-access", inScope: 4, covered: 3, percent: 75 },
        { kind: "website", concern: "content", inScope: 2, covered: 0, percent: 0 },
      ],
      {
        kinds: [{ key: "website", label: "Website" }, { key: "cms", label: "CMS" }, { key: "crm", label: "CRM" }],
        concerns: [
          { key: "content", name: "Content", home: "marketing" },
          { key: "security-access", name: "Security", home: "it" },
        ],
      },
    );
    expect(grid.kinds.map((kind) => kind.key)).toEqual(["website", "crm"]);
    expect(grid.squares.map(({ kind, row, column }) => [kind, row, column])).toEqual([
      ["website", 0, 0],
      ["crm", 1, 1],
    ]);
  });

  it("puts percentages into five steps of 20 points", () => {
    expect([0, 19.9, 20, 59.9, 79.9, 80, 100].map(heatStep)).toEqual([0, 0, 1, 2, 3, 4, 4]);
    expect(heatStep(null)).toBeNull();
  });
});

describe("person load", () => {
  const person = (name: string, accountableCells: number, highCriticalCells: number, overloaded = false) => ({
    email: `${name.toLowerCase()}@example.org`,
    name,
    accountableCells,
    highCriticalCells,
    overloaded,
    overloadReasons: overloaded ? ["concern:privacy-compliance"] : [],
  });

  it("ranks by load, cuts at the limit but never hides an overloaded person, and skips people without cells", () => {
    const shaped = shapePersonLoad(
      [person("Ann", 3, 1), person("Bob", 9, 2), person("Cem", 9, 5), person("Dee", 1, 0, true), person("Eve", 0, 0)],
      2,
    );
    expect(shaped.rows.map((row) => row.name)).toEqual(["Cem", "Bob", "Dee"]);
    expect(shaped.rows[0]).toMatchObject({ highCriticalCells: 5, otherCells: 4 });
    expect(shaped.total).toBe(4);
  });
});

describe("hotspots", () => {
  it("keeps the top cells by score with readable labels and the cell key to drill into", () => {
    const rows = shapeTopHotspots(
      [
        { assetKey: "crm", concernKey: "data-quality", score: 4, flags: 0, ownershipChanges: 1, handoffs: 0 },
        { assetKey: "web", concernKey: "seo-technical", score: 9, flags: 1, ownershipChanges: 0, handoffs: 1 },
        { assetKey: "app", concernKey: "data-quality", score: 4, flags: 0, ownershipChanges: 0, handoffs: 0 },
      ],
      {
        assets: [{ key: "web", name: "Corporate website" }],
        concerns: [{ key: "seo-technical", name: "Technical SEO: speed, mobile, markup", home: "shared" }],
      },
      2,
    );
    expect(rows.map((row) => [row.cell, row.assetName, row.concernName, row.score])).toEqual([
      ["web/seo-technical", "Corporate website", "Technical SEO", 9],
      ["app/data-quality", "app", "data-quality", 4],
    ]);
  });
});

describe("hand-off flow", () => {
  it("gives a team that hands off and receives two nodes, so the flow has no cycle", () => {
    const { nodes, links } = shapeHandoffSankey([
      { fromTeamId: 1, from: "Brand & Content", toTeamId: 4, to: "Web Platform", count: 2, cells: ["web/content"] },
      { fromTeamId: 4, from: "Web Platform", toTeamId: 1, to: "Brand & Content", count: 1, cells: ["web/seo-technical"] },
    ]);
    expect(nodes.map((node) => node.name)).toEqual(["Brand & Content →", "→ Web Platform", "Web Platform →", "→ Brand & Content"]);
    expect(links.map(({ source, target, value, handoff }) => [source, target, value, handoff])).toEqual([
      [0, 1, 2, "1-4"],
      [2, 3, 1, "4-1"],
    ]);
    for (const link of links) expect(nodes[link.source]!.side).toBe("from");
  });
});

describe("the largest hand-off flows", () => {
  it("keeps the first flows of the report's list and counts all of them", () => {
    const flows = Array.from({ length: 30 }, (_, i) => ({ fromTeamId: i + 1, from: `Team ${i + 1}`, toTeamId: 99, to: "Web Platform", count: 30 - i, cells: [`site-${i}/hosting`] }));
    const shown = largestHandoffFlows(flows, 25);
    expect(shown.flows).toEqual(flows.slice(0, 25));
    expect(shown.flowCount).toBe(30);
    expect(shown.handoffCount).toBe((30 * 31) / 2);
    expect(largestHandoffFlows([])).toEqual({ flows: [], flowCount: 0, handoffCount: 0 });
  });
});
