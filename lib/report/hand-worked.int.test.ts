import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { clearDataVersionCache } from "@/lib/cache/kept-figures";
import type { Db } from "@/lib/db/client";
import type { AssignmentSource, Criticality, RaciRole } from "@/lib/rules";
import { useTestDatabase } from "@/tools/testing/test-database";
import { loadReport, type LoadedReport } from "./load-report";
import { loadedReportToCsv, reportToJson } from "./report-output";

/**
 * Small organisations built row by row, each with its report worked out by hand (DESIGN.md section 3), read
 * the way `npm run report -- --format json` and the CSV export read it, at each rule's boundary and as of the
 * day before and after a change. The organisation counts days in Berlin, so that a day there and a day in
 * UTC differ around midnight.
 */
const TIME_ZONE = "Europe/Berlin";
const today = DateTime.now().setZone(TIME_ZONE).startOf("day");
/** An instant on the organisation's day `days` days before today, at `hour`:`minute` local time. */
const onDay = (days: number, hour = 12, minute = 0) => today.minus({ days }).set({ hour, minute }).toJSDate();
const dateOf = (days: number) => today.minus({ days }).toISODate()!;

/** A builder of organisations straight into the database, with their past. */
function organisation(prisma: Db) {
  const ids = { kinds: new Map<string, number>(), concerns: new Map<string, number>(), teams: new Map<string, number>(), people: new Map<string, number>(), assets: new Map<string, number>() };
  const since = onDay(400);
  return {
    ids,
    async setUp(kinds: string[], concerns: { key: string; home: "marketing" | "it" | "shared"; kinds: string[] }[], teams: { name: string; function: "marketing" | "it" }[]) {
      await prisma.organisationSettings.create({ data: { id: 1, name: "Hand-worked", timeZone: TIME_ZONE } });
      for (const key of kinds) ids.kinds.set(key, (await prisma.assetKind.create({ data: { key, label: key } })).id);
      for (const concern of concerns) {
        const created = await prisma.concern.create({
          data: { key: concern.key, name: concern.key, home: concern.home, appliesTo: { create: concern.kinds.map((kind) => ({ kindId: ids.kinds.get(kind)! })) } },
        });
        ids.concerns.set(concern.key, created.id);
      }
      for (const team of teams) ids.teams.set(team.name, (await prisma.team.create({ data: { ...team, createdAt: since } })).id);
    },
    async person(handle: string, team: string | null, deactivatedAt: Date | null = null) {
      const created = await prisma.person.create({
        data: { email: `${handle}@example.org`, name: handle, teamId: team === null ? null : ids.teams.get(team)!, deactivatedAt, createdAt: since },
      });
      ids.people.set(handle, created.id);
    },
    async asset(key: string, kind: string, criticality: Criticality) {
      ids.assets.set(key, (await prisma.asset.create({ data: { key, name: key, kindId: ids.kinds.get(kind)!, criticality, createdAt: since } })).id);
    },
    async assign(cell: string, handle: string, role: RaciRole, options: { startedAt?: Date; endedAt?: Date; confirmedAt?: Date[]; source?: AssignmentSource } = {}) {
      const [assetKey, concernKey] = cell.split("/");
      const confirmations = options.confirmedAt ?? [onDay(1)];
      const created = await prisma.assignment.create({
        data: {
          assetId: ids.assets.get(assetKey!)!,
          concernId: ids.concerns.get(concernKey!)!,
          personId: ids.people.get(handle)!,
          role,
          startedAt: options.startedAt ?? onDay(100),
          endedAt: options.endedAt ?? null,
          confirmedAt: confirmations.at(-1) ?? null,
          source: options.source ?? "app",
        },
      });
      for (const confirmedAt of confirmations) await prisma.assignmentConfirmation.create({ data: { assignmentId: created.id, confirmedAt, source: "app" } });
    },
  };
}

async function reportAsOf(prisma: Db, daysAgo: number | null, filters: Record<string, unknown> = {}): Promise<LoadedReport> {
  clearDataVersionCache();
  return loadReport(prisma, { ...filters, ...(daysAgo === null ? {} : { asOf: dateOf(daysAgo) }) });
}

/** The report as the CLI prints it, read back. */
const asJson = (report: LoadedReport) => JSON.parse(reportToJson(report)) as LoadedReport;
const gapsOf = (report: LoadedReport) => asJson(report).gaps.map((gap) => `${gap.assetKey}/${gap.concernKey} ${gap.type} ${gap.score}`);
const csvGapsOf = (report: LoadedReport) =>
  loadedReportToCsv(report)
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","))
    .map(([asset, , concern, , type, , score]) => `${asset}/${concern} ${type} ${score}`);

describe("stale, in whole days of the organisation's calendar", () => {
  const db = useTestDatabase();
  beforeAll(async () => {
    const org = organisation(db.prisma);
    await org.setUp(["website"], [{ key: "hosting", home: "it", kinds: ["website"] }], [{ name: "Web", function: "it" }]);
    await org.person("ian", "Web");
    for (const key of ["a-fresh", "b-old", "c-never", "d-today"]) await org.asset(key, "website", "medium");
    // 00:30 in Berlin on day D-28 is still day D-29 in UTC: fresh here, where UTC would call it stale.
    await org.assign("a-fresh/hosting", "ian", "A", { confirmedAt: [onDay(28, 0, 30)] });
    await org.assign("b-old/hosting", "ian", "A", { confirmedAt: [onDay(29, 23, 30)] });
    await org.assign("c-never/hosting", "ian", "A", { confirmedAt: [] });
    await org.assign("d-today/hosting", "ian", "A", { confirmedAt: [onDay(60), onDay(0, 0, 5)] });
  });

  it("as of today: D-28 fresh, D-29 stale, never confirmed stale, confirmed today fresh", async () => {
    // stale is medium (2) x medium criticality (2) = 4; ranked by score, then asset key.
    const expected = ["b-old/hosting stale 4", "c-never/hosting stale 4"];
    const report = await reportAsOf(db.prisma, null);
    expect(gapsOf(report)).toEqual(expected);
    expect(csvGapsOf(report)).toEqual(expected);
    expect(asJson(report).coverage.overall).toEqual({ inScope: 4, covered: 4, percent: 100 });
  });

  it("as of yesterday: D-29 was 28 days old, fresh; today's confirmation not yet made, so D-60's is 59 days old", async () => {
    const expected = ["c-never/hosting stale 4", "d-today/hosting stale 4"];
    expect(gapsOf(await reportAsOf(db.prisma, 1))).toEqual(expected);
    expect(csvGapsOf(await reportAsOf(db.prisma, 1))).toEqual(expected);
  });
});

describe("person load at its boundaries", () => {
  const db = useTestDatabase();
  beforeAll(async () => {
    const org = organisation(db.prisma);
    await org.setUp(
      ["crm", "website"],
      [
        // 16 CRM assets: 16 cells each, under 20, so no share of these concerns overloads anyone.
        { key: "crm-data", home: "it", kinds: ["crm"] },
        { key: "crm-access", home: "it", kinds: ["crm"] },
        // 20 websites: exactly 20 cells, so the share rule applies.
        { key: "content", home: "marketing", kinds: ["website"] },
      ],
      [{ name: "Web", function: "it" }, { name: "Brand", function: "marketing" }],
    );
    for (const [handle, team] of [["ian", "Web"], ["dan", "Web"], ["mia", "Brand"], ["max", "Brand"], ["olga", "Brand"]] as const) await org.person(handle, team);
    await org.person("gone", "Web", onDay(3));
    for (let i = 1; i <= 16; i++) await org.asset(`crm-${String(i).padStart(2, "0")}`, "crm", "high");
    for (let i = 1; i <= 20; i++) await org.asset(`site-${String(i).padStart(2, "0")}`, "website", "low");
    for (let i = 1; i <= 16; i++) await org.assign(`crm-${String(i).padStart(2, "0")}/crm-data`, "ian", "A");
    for (let i = 1; i <= 15; i++) await org.assign(`crm-${String(i).padStart(2, "0")}/crm-access`, "dan", "A");
    await org.assign("crm-16/crm-access", "gone", "A");
    for (let i = 1; i <= 5; i++) await org.assign(`site-${String(i).padStart(2, "0")}/content`, "mia", "A");
    for (let i = 6; i <= 11; i++) await org.assign(`site-${String(i).padStart(2, "0")}/content`, "max", "A");
  });

  const row = (email: string, accountableCells: number, highCriticalCells: number, overloadReasons: string[]) => ({
    email: `${email}@example.org`,
    name: email,
    accountableCells,
    highCriticalCells,
    overloaded: overloadReasons.length > 0,
    overloadReasons,
  });

  it("overloads 16 high-critical cells but not 15, more than 25% of a concern's 20 cells but not exactly 25%, and lists everyone active", async () => {
    const load = asJson(await reportAsOf(db.prisma, null)).personLoad;
    expect(load).toEqual(
      expect.arrayContaining([
        row("ian", 16, 16, ["high-critical"]),
        row("dan", 15, 15, []),
        row("mia", 5, 0, []),
        row("max", 6, 0, ["concern:content"]),
        row("olga", 0, 0, []),
      ]),
    );
    // Someone who has left holds A on a cell, but is not an active person: not listed.
    expect(load.map((person) => person.email).sort()).toEqual(["dan", "ian", "max", "mia", "olga"].map((h) => `${h}@example.org`));
  });

  it("counts over the whole organisation whatever the filters; the team filter only chooses whom to list", async () => {
    const brand = (await db.prisma.team.findUniqueOrThrow({ where: { name: "Brand" } })).id;
    const load = asJson(await reportAsOf(db.prisma, null, { team: brand, kind: "website" })).personLoad;
    expect(load).toEqual(expect.arrayContaining([row("mia", 5, 0, []), row("max", 6, 0, ["concern:content"]), row("olga", 0, 0, [])]));
    expect(load).toHaveLength(3);
  });

  it("as of four days ago, the one who left since was still active and is listed", async () => {
    const load = asJson(await reportAsOf(db.prisma, 4)).personLoad;
    expect(load).toEqual(expect.arrayContaining([row("gone", 1, 1, [])]));
  });
});

describe("collaboration hotspots over the 8 weeks, and a change of criticality today", () => {
  const db = useTestDatabase();
  beforeAll(async () => {
    const org = organisation(db.prisma);
    await org.setUp(["website"], [{ key: "privacy", home: "shared", kinds: ["website"] }], [{ name: "Web", function: "it" }, { name: "Brand", function: "marketing" }]);
    for (const [handle, team] of [["ian", "Web"], ["dan", "Web"], ["mia", "Brand"], ["max", "Brand"]] as const) await org.person(handle, team);
    await org.person("gone", "Web", onDay(20));
    await org.asset("site", "website", "critical");
    await org.assign("site/privacy", "mia", "A");
    await org.assign("site/privacy", "ian", "R");
    await org.assign("site/privacy", "max", "C");
    // Left 20 days ago: no longer counts among the distinct holders.
    await org.assign("site/privacy", "gone", "C");
    // Started and ended within the 8 weeks: one ownership change, not two.
    await org.assign("site/privacy", "max", "R", { startedAt: onDay(21), endedAt: onDay(7) });
    // An import's assignment is not an ownership change, but its holder counts.
    await org.assign("site/privacy", "dan", "R", { startedAt: onDay(14), source: "import" });
    // Started before the 8 weeks: not a change in them.
    await org.assign("site/privacy", "dan", "I", { startedAt: onDay(70) });
  });

  it("scores (1 + 1 change + (4 active A/R/C holders - 2)) x 5 for a critical asset", async () => {
    const report = asJson(await reportAsOf(db.prisma, null));
    expect(report.hotspots).toEqual([{ assetKey: "site", concernKey: "privacy", score: 20, flags: 0, ownershipChanges: 1, handoffs: 0 }]);
  });

  it("weighs the criticality of the day: 20 as of yesterday, 4 today once the asset is low", async () => {
    await db.prisma.asset.update({ where: { key: "site" }, data: { criticality: "low" } });
    expect(asJson(await reportAsOf(db.prisma, null)).hotspots[0]!.score).toBe(4);
    expect(asJson(await reportAsOf(db.prisma, 1)).hotspots[0]!.score).toBe(20);
  });
});
