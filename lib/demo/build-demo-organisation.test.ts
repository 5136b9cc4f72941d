import { describe, expect, it } from "vitest";
import { DEFAULT_ASSET_KINDS, DEFAULT_CONCERNS } from "@/lib/catalog/default-catalog";
import { isoWeekOf, shiftIsoWeek } from "@/lib/review/iso-week";
import {
  buildCells,
  cellKey,
  computePersonLoad,
  DEFAULT_RULE_SETTINGS,
  evaluateCells,
  GAP_TYPES,
  holdersAsOf,
  peopleAsOf,
  summarizeCoverage,
  type AssignmentRecord,
  type ReviewDecision,
} from "@/lib/rules";
import { buildDemoOrganisation, type DemoOrganisation } from "./build-demo-organisation";

const NOW = new Date("2026-11-23T10:00:00Z");

/** Evaluates the demo with the one rules engine, as the app will once it is in the database. */
function evaluateDemo(demo: DemoOrganisation, asOf: Date) {
  const personId = new Map(demo.people.map((p, i) => [p.email, i + 1]));
  const assetId = new Map(demo.assets.map((a, i) => [a.key, i + 1]));
  const concernId = new Map(DEFAULT_CONCERNS.map((c, i) => [c.key, i + 1]));
  const teamFunction = new Map(demo.teams.map((t) => [t.name, t.function]));
  const people = peopleAsOf(
    demo.people.map((p) => ({
      id: personId.get(p.email)!,
      email: p.email,
      teamId: p.team ? demo.teams.findIndex((t) => t.name === p.team) + 1 : null,
      function: p.team ? teamFunction.get(p.team)! : null,
      deactivatedAt: p.deactivatedAt,
    })),
    asOf,
  );
  const records: AssignmentRecord[] = demo.assignments.map((a) => ({
    assetId: assetId.get(a.assetKey)!,
    concernId: concernId.get(a.concernKey)!,
    personId: personId.get(a.email)!,
    role: a.role,
    startedAt: a.startedAt,
    endedAt: a.endedAt,
    source: a.source,
    confirmations: a.confirmations.map((c) => c.at),
  }));
  const decisions = new Map<string, ReviewDecision>();
  const submitted = demo.reviews.filter((r) => r.submittedAt && r.submittedAt <= asOf);
  for (const review of submitted.sort((a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime())) {
    for (const item of review.items) decisions.set(cellKey(assetId.get(item.assetKey)!, concernId.get(item.concernKey)!), item.decision);
  }
  const cells = buildCells(
    demo.assets.map((a) => ({
      id: assetId.get(a.key)!,
      key: a.key,
      kindKey: a.kind,
      criticality: a.criticality,
      lifecycle: a.lifecycle,
      createdAt: a.createdAt,
      retiredAt: a.retiredAt,
    })),
    DEFAULT_CONCERNS.map((c) => ({ id: concernId.get(c.key)!, key: c.key, home: c.home, kindKeys: c.appliesTo })),
    holdersAsOf(records, asOf),
    decisions,
    asOf,
  );
  const evaluated = evaluateCells(cells, people, asOf, DEFAULT_RULE_SETTINGS);
  return { evaluated, people, coverage: summarizeCoverage(evaluated, people) };
}

describe("the demo organisation", () => {
  const demo = buildDemoOrganisation(NOW);

  it("is the same every time it is built for the same week", () => {
    expect(buildDemoOrganisation(new Date("2026-11-25T18:00:00Z"))).toEqual(demo);
  });

  it("has about 40 assets over all 12 kinds with real vendors, one retired and one planned", () => {
    expect(demo.assets).toHaveLength(40);
    expect(new Set(demo.assets.map((a) => a.kind))).toEqual(new Set(DEFAULT_ASSET_KINDS.map((k) => k.key)));
    const vendors = demo.assets.map((a) => a.vendor);
    for (const vendor of ["WordPress", "Shopify Plus", "HubSpot", "Salesforce", "Mailchimp", "Adobe Marketo", "Google", "Tableau", "Snowflake", "LinkedIn", "TikTok", "Meta", "Zapier", "Intercom Fin"]) {
      expect(vendors).toContain(vendor);
    }
    expect(demo.assets.filter((a) => a.lifecycle === "retired")).toHaveLength(1);
    expect(demo.assets.filter((a) => a.lifecycle === "planned")).toHaveLength(1);
  });

  it("has 3 marketing and 3 IT teams and about 30 people, one of whom has left", () => {
    expect(demo.teams.filter((t) => t.function === "marketing")).toHaveLength(3);
    expect(demo.teams.filter((t) => t.function === "it")).toHaveLength(3);
    expect(demo.people).toHaveLength(30);
    expect(demo.people.filter((p) => p.deactivatedAt)).toHaveLength(1);
    const logins = Object.fromEntries(demo.people.filter((p) => p.role !== "none").map((p) => [p.email, p.role]));
    expect(logins).toMatchObject({
      "admin@example.org": "admin",
      "marketing.manager@example.org": "manager",
      "it.manager@example.org": "manager",
      "viewer@example.org": "viewer",
    });
  });

  it("has every gap type today, and most cells covered", () => {
    const { evaluated, coverage } = evaluateDemo(demo, NOW);
    const found = new Set(evaluated.flatMap((cell) => cell.gaps.map((gap) => gap.type)));
    expect([...found].sort()).toEqual([...GAP_TYPES].sort());
    expect(coverage.overall.percent).toBeGreaterThan(60);
    expect(coverage.overall.percent).toBeLessThan(95);
  });

  it("has at least one overloaded person", () => {
    const { evaluated, people } = evaluateDemo(demo, NOW);
    expect(computePersonLoad(evaluated, people, DEFAULT_RULE_SETTINGS).some((load) => load.overloaded)).toBe(true);
  });

  it("has twelve weeks of reviews: mostly submitted, some late, some missing, ending last week", () => {
    const currentWeek = isoWeekOf(NOW, "UTC");
    const weeks = [...new Set(demo.reviews.map((r) => r.isoWeek))].sort();
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toBe(shiftIsoWeek(currentWeek, -1));
    expect(weeks[0]).toBe(shiftIsoWeek(currentWeek, -12));
    expect(demo.reviews.length).toBeLessThan(12 * 6);
    expect(demo.reviews.filter((r) => r.status === "draft").length).toBeGreaterThan(0);
    const decisions = new Set(demo.reviews.flatMap((r) => r.items.map((i) => i.decision)));
    expect(decisions).toEqual(new Set(["confirm", "change", "flag", "handoff"]));
  });

  it("shows coverage rising over the twelve weeks", () => {
    const then = evaluateDemo(demo, new Date(NOW.getTime() - 12 * 7 * 86_400_000)).coverage.overall.percent!;
    const now = evaluateDemo(demo, NOW).coverage.overall.percent!;
    expect(then).toBeLessThan(now);
  });
});
