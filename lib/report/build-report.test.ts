import { describe, expect, it } from "vitest";
import type { Report } from "./build-report";
import type { ReportFilters } from "./filters";
import { daysAgo, gapCellsOf, NOW, TestOrganisation, type PersonHandle } from "@/tools/testing/report-organisation";

const WEEK_MS = 7 * 86_400_000;

describe("buildReport: gap types, severities and scores", () => {
  // Assets of kind cms have one cell (content, marketing), crm one cell (privacy, shared).
  const org = new TestOrganisation()
    .asset("h-flagged", "cms", "medium")
    .asset("a-no-accountable", "cms", "low")
    .asset("b-multiple", "cms", "medium")
    .asset("c-empty", "cms", "high")
    .asset("d-inactive", "cms", "critical")
    .asset("e-one-sided", "crm", "medium")
    .asset("f-stale", "cms", "high")
    .asset("g-unconfirmed", "cms", "low")
    .asset("i-covered", "cms", "critical")
    .asset("j-shared-covered", "crm", "critical")
    .assign("h-flagged/content", "mia", "A")
    .flag("h-flagged/content")
    .assign("a-no-accountable/content", "mia", "R")
    .assign("b-multiple/content", "mia", "A")
    .assign("b-multiple/content", "max", "A")
    .assign("d-inactive/content", "leo", "A")
    .deactivate("leo", daysAgo(3))
    .assign("e-one-sided/privacy", "mia", "A")
    .assign("e-one-sided/privacy", "max", "R")
    .assign("f-stale/content", "mia", "A", { confirmations: [daysAgo(29)] })
    .assign("g-unconfirmed/content", "mia", "A", { confirmations: [] })
    .assign("i-covered/content", "mia", "A")
    .assign("j-shared-covered/privacy", "mia", "A")
    .assign("j-shared-covered/privacy", "ian", "R");

  it("lists every gap type once per cell with its severity and severity x criticality score, ranked", () => {
    expect(org.report().gaps).toEqual([
      { assetKey: "d-inactive", concernKey: "content", type: "inactive-owner", severity: "critical", score: 25 },
      { assetKey: "c-empty", concernKey: "content", type: "no-accountable", severity: "critical", score: 24 },
      { assetKey: "c-empty", concernKey: "content", type: "no-responsible", severity: "high", score: 24 },
      { assetKey: "b-multiple", concernKey: "content", type: "multiple-accountable", severity: "high", score: 6 },
      { assetKey: "f-stale", concernKey: "content", type: "stale", severity: "medium", score: 6 },
      { assetKey: "h-flagged", concernKey: "content", type: "flagged", severity: "high", score: 6 },
      { assetKey: "a-no-accountable", concernKey: "content", type: "no-accountable", severity: "critical", score: 5 },
      { assetKey: "e-one-sided", concernKey: "privacy", type: "one-sided", severity: "medium", score: 4 },
      { assetKey: "g-unconfirmed", concernKey: "content", type: "stale", severity: "medium", score: 2 },
    ]);
  });

  it("still counts stale and flagged cells as covered", () => {
    // Covered: f-stale, g-unconfirmed, h-flagged, i-covered, j-shared-covered.
    expect(org.report().coverage.overall).toEqual({ inScope: 10, covered: 5, percent: 50 });
  });
});

describe("buildReport: ranking", () => {
  it("ranks cells by score, then asset key, then concern key, whatever the catalog order", () => {
    // Every website cell left empty scores (5 + 3) x 1; the critical cms cell (5 + 3) x 5.
    const report = new TestOrganisation()
      .asset("zulu-site", "website")
      .asset("alpha-site", "website")
      .asset("mid-cms", "cms", "critical")
      .report();
    expect(gapCellsOf(report)).toEqual([
      "mid-cms/content",
      "alpha-site/content",
      "alpha-site/hosting",
      "alpha-site/privacy",
      "zulu-site/content",
      "zulu-site/hosting",
      "zulu-site/privacy",
    ]);
    expect(report.gaps.map((gap) => gap.score)).toEqual([40, 40, ...Array<number>(12).fill(8)]);
    expect(report.gaps.slice(0, 2).map((gap) => gap.type)).toEqual(["no-accountable", "no-responsible"]);
  });
});

/**
 * Eight cells: shop (critical website) fully covered; blog (low website) with a responsible-only
 * content cell, a stale hosting cell and a privacy cell held by Finance alone; a high crm whose privacy
 * is held by two IT people (Brand's max only consulted); an empty medium cms.
 */
function filterOrganisation(): TestOrganisation {
  return new TestOrganisation()
    .asset("shop", "website", "critical")
    .asset("blog", "website", "low")
    .asset("crm", "crm", "high")
    .asset("docs", "cms", "medium")
    .assign("shop/content", "mia", "A")
    .assign("shop/hosting", "ian", "A")
    .assign("shop/hosting", "ivy", "R")
    .assign("shop/privacy", "mia", "A")
    .assign("shop/privacy", "dan", "R")
    .assign("blog/content", "max", "R")
    .assign("blog/hosting", "ian", "A", { confirmations: [daysAgo(40)] })
    .assign("blog/privacy", "olga", "A")
    .assign("crm/privacy", "dan", "A")
    .assign("crm/privacy", "ivy", "R")
    .assign("crm/privacy", "max", "C");
}

function narrowed(report: Report) {
  return { inScope: report.coverage.overall.inScope, covered: report.coverage.overall.covered, gapCells: gapCellsOf(report) };
}

describe("buildReport: filters", () => {
  const org = filterOrganisation();

  it.each<[string, ReportFilters, ReturnType<typeof narrowed>]>([
    ["no filter", {}, { inScope: 8, covered: 4, gapCells: ["docs/content", "crm/privacy", "blog/content", "blog/hosting", "blog/privacy"] }],
    ["team Brand: A or R held by a member, not C", { team: 1 }, { inScope: 3, covered: 2, gapCells: ["blog/content"] }],
    ["team Web", { team: 2 }, { inScope: 3, covered: 2, gapCells: ["crm/privacy", "blog/hosting"] }],
    ["team Finance (other)", { team: 4 }, { inScope: 1, covered: 0, gapCells: ["blog/privacy"] }],
    ["function marketing", { function: "marketing" }, { inScope: 3, covered: 1, gapCells: ["docs/content", "blog/content"] }],
    ["function it", { function: "it" }, { inScope: 2, covered: 2, gapCells: ["blog/hosting"] }],
    ["function shared", { function: "shared" }, { inScope: 3, covered: 1, gapCells: ["crm/privacy", "blog/privacy"] }],
    ["kind crm", { kind: "crm" }, { inScope: 1, covered: 0, gapCells: ["crm/privacy"] }],
    ["kind website", { kind: "website" }, { inScope: 6, covered: 4, gapCells: ["blog/content", "blog/hosting", "blog/privacy"] }],
    ["concern content", { concern: "content" }, { inScope: 3, covered: 1, gapCells: ["docs/content", "blog/content"] }],
    ["concern privacy and kind website", { concern: "privacy", kind: "website" }, { inScope: 2, covered: 1, gapCells: ["blog/privacy"] }],
    ["criticality critical", { criticality: "critical" }, { inScope: 3, covered: 3, gapCells: [] }],
    ["criticality low", { criticality: "low" }, { inScope: 3, covered: 1, gapCells: ["blog/content", "blog/hosting", "blog/privacy"] }],
    ["gap one-sided", { gap: "one-sided" }, { inScope: 2, covered: 0, gapCells: ["crm/privacy", "blog/privacy"] }],
    ["an unknown kind", { kind: "mainframe" }, { inScope: 0, covered: 0, gapCells: [] }],
  ])("%s narrows the cells to exactly those it names", (_name, filters, expected) => {
    expect(narrowed(org.report({ filters }))).toEqual(expected);
  });

  it("keeps only the rows of the filtered gap type, even on cells with other gaps too", () => {
    const report = org.report({ filters: { gap: "no-accountable" } });
    expect(report.gaps.map((gap) => [`${gap.assetKey}/${gap.concernKey}`, gap.type, gap.score])).toEqual([
      ["docs/content", "no-accountable", 16],
      ["blog/content", "no-accountable", 5],
    ]);
    expect(report.gapsByTypeAndTeam.map((entry) => entry.type)).toEqual(["no-accountable"]);
  });
});

describe("buildReport: coverage by function, team, kind and concern", () => {
  const { coverage } = filterOrganisation().report();

  it("splits coverage by concern home", () => {
    expect(coverage.byFunction).toEqual({
      marketing: { inScope: 3, covered: 1, percent: 33.3 },
      it: { inScope: 2, covered: 2, percent: 100 },
      shared: { inScope: 3, covered: 1, percent: 33.3 },
    });
  });

  it("gives every team the cells its members hold A or R on, and a team without cells nothing", () => {
    expect(coverage.byTeam).toEqual([
      { teamId: 1, team: "Brand", inScope: 3, covered: 2, percent: 66.7 },
      { teamId: 2, team: "Web", inScope: 3, covered: 2, percent: 66.7 },
      { teamId: 3, team: "Data", inScope: 2, covered: 1, percent: 50 },
      { teamId: 4, team: "Finance", inScope: 1, covered: 0, percent: 0 },
      { teamId: 5, team: "Events", inScope: 0, covered: 0, percent: null },
    ]);
  });

  it("lists kinds and concerns that have cells, in catalog order", () => {
    expect(coverage.byKind).toEqual([
      { kind: "website", inScope: 6, covered: 4, percent: 66.7 },
      { kind: "cms", inScope: 1, covered: 0, percent: 0 },
      { kind: "crm", inScope: 1, covered: 0, percent: 0 },
    ]);
    expect(coverage.byConcern).toEqual([
      { concern: "hosting", inScope: 2, covered: 2, percent: 100 },
      { concern: "content", inScope: 3, covered: 1, percent: 33.3 },
      { concern: "privacy", inScope: 3, covered: 1, percent: 33.3 },
    ]);
  });
});

describe("buildReport: collaboration hotspots", () => {
  const windowStart = new Date(NOW.getTime() - 8 * WEEK_MS);
  const report = new TestOrganisation()
    .asset("web", "website", "high")
    .asset("app", "cms", "critical")
    .asset("blog", "cms", "high")
    .asset("crm", "crm", "medium")
    .asset("intranet", "cms", "low")
    .asset("old", "website", "critical", { retiredAt: daysAgo(30) })
    .assign("web/privacy", "mia", "A")
    .assign("web/privacy", "ian", "R")
    .assign("web/privacy", "dan", "C")
    .event("web/privacy", "flag", daysAgo(10))
    .event("web/privacy", "handoff", daysAgo(20))
    .event("web/privacy", "handoff", new Date(windowStart.getTime() + 1))
    .event("web/privacy", "assignment-started", daysAgo(30), "app")
    .event("web/privacy", "assignment-ended", daysAgo(40), "review")
    .event("web/privacy", "assignment-started", daysAgo(5), "import")
    .event("web/privacy", "assignment-ended", daysAgo(6), "import")
    .event("web/privacy", "flag", windowStart)
    .event("web/privacy", "flag", new Date(NOW.getTime() + 1))
    .assign("app/content", "mia", "A")
    .assign("app/content", "ian", "C")
    .assign("blog/content", "mia", "A")
    .assign("blog/content", "ian", "R")
    .assign("crm/privacy", "mia", "A")
    .assign("crm/privacy", "max", "R")
    .event("crm/privacy", "flag", daysAgo(2))
    .assign("intranet/content", "mia", "A")
    .assign("intranet/content", "ian", "I")
    .assign("old/privacy", "mia", "A")
    .assign("old/privacy", "ian", "R")
    .event("old/privacy", "flag", daysAgo(2))
    .report();

  it("scores marketing-IT cells over the 8 weeks before the date, not counting imports", () => {
    // web: (1 + 2 x 1 flag + 2 changes + 2 hand-offs + (3 holders - 2)) x high 3. The flag exactly at the
    // window's start, the one after the date and the imported assignment's start and end do not count.
    expect(report.hotspots).toEqual([
      { assetKey: "web", concernKey: "privacy", score: 24, flags: 1, ownershipChanges: 2, handoffs: 2 },
      { assetKey: "app", concernKey: "content", score: 5, flags: 0, ownershipChanges: 0, handoffs: 0 },
      { assetKey: "blog", concernKey: "content", score: 3, flags: 0, ownershipChanges: 0, handoffs: 0 },
    ]);
  });

  it("rolls the scores up by concern and by marketing x IT team pair", () => {
    expect(report.hotspotsByConcern).toEqual([
      { concernKey: "privacy", score: 24, cells: 1 },
      { concernKey: "content", score: 8, cells: 2 },
    ]);
    expect(report.hotspotsByTeamPair).toEqual([
      { marketingTeamId: 1, marketingTeam: "Brand", itTeamId: 2, itTeam: "Web", score: 32, cells: 3 },
      { marketingTeamId: 1, marketingTeam: "Brand", itTeamId: 3, itTeam: "Data", score: 24, cells: 1 },
    ]);
  });
});

/** `count` cms assets (one content cell each) whose accountable owner is `person`. */
function addAccountableCells(org: TestOrganisation, prefix: string, count: number, person: PersonHandle, criticality: "low" | "high" | "critical") {
  for (let i = 0; i < count; i += 1) org.asset(`${prefix}-${i}`, "cms", criticality).assign(`${prefix}-${i}/content`, person, "A");
  return org;
}

/** Mia as accountable for 2 low cms cells, 8 high cms cells and 7 critical crm cells (no concern reaches 20 cells). */
function highCriticalOrganisation(extraHigh: number): TestOrganisation {
  const org = new TestOrganisation();
  addAccountableCells(org, "low", 2, "mia", "low");
  addAccountableCells(org, "high", 8 + extraHigh, "mia", "high");
  for (let i = 0; i < 7; i += 1) org.asset(`crit-${i}`, "crm", "critical").assign(`crit-${i}/privacy`, "mia", "A");
  return org;
}

describe("buildReport: person load", () => {
  const loadOf = (report: Report, person: PersonHandle) => report.personLoad.find((load) => load.email === `${person}@example.org`);

  it("does not overload at exactly 15 high or critical cells, and does at 16", () => {
    expect(loadOf(highCriticalOrganisation(0).report(), "mia")).toMatchObject({
      accountableCells: 17,
      highCriticalCells: 15,
      overloaded: false,
      overloadReasons: [],
    });
    expect(loadOf(highCriticalOrganisation(1).report(), "mia")).toMatchObject({
      accountableCells: 18,
      highCriticalCells: 16,
      overloaded: true,
      overloadReasons: ["high-critical"],
    });
  });

  it("overloads above a 25% share of a concern's cells, not at exactly 25%", () => {
    const org = new TestOrganisation();
    addAccountableCells(org, "m", 5, "mia", "low");
    addAccountableCells(org, "x", 6, "max", "low");
    addAccountableCells(org, "i", 9, "ian", "low");
    const report = org.report();
    expect(loadOf(report, "mia")).toMatchObject({ accountableCells: 5, overloaded: false });
    expect(loadOf(report, "max")).toMatchObject({ accountableCells: 6, overloaded: true, overloadReasons: ["concern:content"] });
  });

  it("counts over the whole organisation whatever the filters, which only choose whom to list", () => {
    const org = new TestOrganisation();
    addAccountableCells(org, "m", 5, "mia", "low");
    addAccountableCells(org, "x", 6, "max", "low");
    addAccountableCells(org, "i", 9, "ian", "low");
    // Filtered to the Brand team (mia, max, leo), the content cells it holds are 11 of 20: max still holds
    // 6 of the organisation's 20 (30%, overloaded) and mia 5 (25%, not), as on the People page.
    const brand = org.report({ filters: { team: 1 } });
    expect(brand.personLoad.map((load) => [load.email, load.accountableCells, load.overloaded])).toEqual([
      ["max@example.org", 6, true],
      ["mia@example.org", 5, false],
      ["leo@example.org", 0, false],
    ]);
    // A filter on the assets (a kind no cell has) changes no one's load, and lists everyone active.
    const crm = org.report({ filters: { kind: "crm" } });
    expect(loadOf(crm, "max")).toMatchObject({ accountableCells: 6, overloaded: true });
    expect(crm.personLoad).toHaveLength(7);
    // A function lists its people: IT is ian, ivy and dan.
    expect(org.report({ filters: { function: "it" } }).personLoad.map((load) => load.email)).toEqual(["ian@example.org", "dan@example.org", "ivy@example.org"]);
  });

  it("applies the share only to a concern with at least 20 cells in scope", () => {
    const nineteen = addAccountableCells(new TestOrganisation(), "c", 19, "mia", "low");
    expect(loadOf(nineteen.report(), "mia")).toMatchObject({ accountableCells: 19, overloaded: false });
    // A retired asset's cell is out of scope and does not count toward the 20.
    nineteen.asset("retired", "cms", "low", { retiredAt: daysAgo(1) }).assign("retired/content", "mia", "A");
    expect(loadOf(nineteen.report(), "mia")).toMatchObject({ accountableCells: 19, overloaded: false });
    nineteen.asset("twentieth", "cms", "low").assign("twentieth/content", "mia", "A");
    expect(loadOf(nineteen.report(), "mia")).toMatchObject({ accountableCells: 20, overloaded: true, overloadReasons: ["concern:content"] });
  });
});

describe("buildReport as of a past date", () => {
  const then = daysAgo(10);
  const org = new TestOrganisation()
    .asset("handed", "cms", "medium")
    .asset("leaver", "cms", "medium")
    .asset("late-confirm", "cms", "medium")
    .asset("new", "cms", "critical", { createdAt: daysAgo(3) })
    .asset("gone", "cms", "high", { retiredAt: daysAgo(3) })
    .assign("handed/content", "mia", "A", { startedAt: daysAgo(60), endedAt: daysAgo(5), confirmations: [daysAgo(15)] })
    .assign("leaver/content", "leo", "A", { confirmations: [daysAgo(15)] })
    .deactivate("leo", daysAgo(5))
    .assign("late-confirm/content", "max", "A", { confirmations: [daysAgo(40), daysAgo(2)] });

  it("today: the ended assignment, the deactivated owner and the retired asset show as such", () => {
    const report = org.report();
    expect(report.asOf).toBe(NOW.toISOString());
    expect(gapCellsOf(report)).toEqual(["new/content", "handed/content", "leaver/content"]);
    expect(report.gaps.filter((gap) => gap.assetKey === "leaver").map((gap) => gap.type)).toEqual(["inactive-owner"]);
    expect(report.coverage.overall).toMatchObject({ inScope: 4, covered: 1 });
    // Every active person is listed, those accountable for nothing with 0, after the others.
    expect(report.personLoad.map((load) => [load.email, load.accountableCells])).toEqual([
      ["max@example.org", 1],
      ["dan@example.org", 0],
      ["ian@example.org", 0],
      ["ivy@example.org", 0],
      ["mia@example.org", 0],
      ["olga@example.org", 0],
    ]);
  });

  it("then: holders current then, people active then, confirmations made by then, assets that existed then", () => {
    const report = org.report({ asOf: then });
    expect(report.asOf).toBe(then.toISOString());
    // handed: mia still held it; leaver: leo still active; late-confirm: last confirmed 30 days before then;
    // new: not created yet; gone: retired later, so still in scope and empty.
    expect(report.gaps.map((gap) => [`${gap.assetKey}/${gap.concernKey}`, gap.type, gap.score])).toEqual([
      ["gone/content", "no-accountable", 24],
      ["gone/content", "no-responsible", 24],
      ["late-confirm/content", "stale", 4],
    ]);
    expect(report.coverage.overall).toMatchObject({ inScope: 4, covered: 3 });
    expect(report.personLoad.filter((load) => load.accountableCells > 0).map((load) => load.email)).toEqual(["leo@example.org", "max@example.org", "mia@example.org"]);
    expect(report.personLoad).toHaveLength(7);
  });
});
