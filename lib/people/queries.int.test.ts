import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { loadOwnershipSnapshot } from "@/lib/ownership/snapshot";
import { useTestDatabase } from "@/tools/testing/test-database";
import {
  computeOwnershipFigures,
  explainOverload,
  groupPersonCells,
  listTeamCells,
  sortCellsForList,
} from "./figures";
import { parsePeopleFilters } from "./filters";
import { getCellLabels, getPersonDetail, listPeople } from "./queries";
import { getTeamDetail, listTeamsOverview } from "./team-queries";

describe("people and team reads on the demo organisation", () => {
  const db = useTestDatabase();
  beforeAll(async () => {
    await seedDemoOrganisation(db.prisma);
  });
  const list = (params: Record<string, string>) => listPeople(parsePeopleFilters(params), db.prisma);

  it("searches names and emails regardless of case, and filters by team, role and status", async () => {
    expect((await list({ q: "FELIX" })).people.map((person) => person.name)).toEqual(["Felix Braun"]);
    expect((await list({ q: "it.manager@" })).people.map((person) => person.name)).toEqual(["Tom Becker"]);
    const left = await list({ status: "left" });
    expect(left.people.map((person) => person.name)).toEqual(["Ravi Patel"]);
    expect((await list({ status: "active" })).total).toBe(29);
    expect((await list({ role: "manager" })).total).toBe(6);
    expect((await list({ team: "none" })).people.map((person) => person.email)).toEqual([
      "viewer@example.org",
    ]);
    const security = await db.prisma.team.findUniqueOrThrow({ where: { name: "Security & Infrastructure" } });
    expect((await list({ team: String(security.id), status: "active" })).total).toBe(4);
  });

  it("pages through everyone by name", async () => {
    const first = await list({});
    const second = await list({ page: "2" });
    expect(first.total).toBe(30);
    expect(first.people).toHaveLength(25);
    expect(second.people).toHaveLength(5);
    const names = [...first.people, ...second.people].map((person) => person.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("lists every team with its members and a coverage figure for teams holding cells", async () => {
    const teams = await listTeamsOverview(db.prisma);
    expect(teams.map((team) => team.function)).toEqual([
      "marketing",
      "marketing",
      "marketing",
      "it",
      "it",
      "it",
    ]);
    const security = teams.find((team) => team.name === "Security & Infrastructure")!;
    expect(security).toMatchObject({ activeMembers: 4, departedMembers: 1 });
    const figures = computeOwnershipFigures(await loadOwnershipSnapshot(db.prisma));
    for (const team of teams) expect(figures.coverageByTeam[team.id]?.inScope).toBeGreaterThan(0);
  });

  it("gives the overloaded person's cells, load and reasons in words", async () => {
    const figures = computeOwnershipFigures(await loadOwnershipSnapshot(db.prisma));
    const felix = await db.prisma.person.findUniqueOrThrow({ where: { email: "felix.braun@example.org" } });
    const load = figures.loads.get(felix.id)!;
    expect(load.overloaded).toBe(true);
    const groups = groupPersonCells(figures.snapshot.cells, felix.id);
    expect(groups.A.filter((cell) => cell.inScope)).toHaveLength(load.accountableCells);
    const labels = await getCellLabels(
      groups.A.map((cell) => cell.assetId),
      db.prisma,
    );
    // In scope first, worst gaps first, then by asset name.
    const sorted = sortCellsForList(groups.A, labels);
    const inScope = sorted.filter((cell) => cell.inScope);
    expect(sorted.slice(0, inScope.length)).toEqual(inScope);
    const scores = inScope.map((cell) => cell.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const covered = inScope
      .filter((cell) => cell.score === 0)
      .map((cell) => labels.assetNames.get(cell.assetId)!);
    expect(covered).toEqual([...covered].sort((a, b) => a.localeCompare(b, "en")));
    const reasons = load.overloadReasons.map((reason) =>
      explainOverload(reason, load, figures.snapshot, labels.concernNames),
    );
    expect(reasons.join(" ")).toMatch(
      /Accountable for \d+ (cells on high or critical assets|of the \d+ “.+” cells)/,
    );
  });

  it("shows a departed person's ended and current roles, and a team's cells", async () => {
    const ravi = await db.prisma.person.findUniqueOrThrow({ where: { email: "ravi.patel@example.org" } });
    const detail = (await getPersonDetail(ravi.id, db.prisma))!;
    expect(detail.person.deactivatedAt).not.toBeNull();
    expect(detail.hasPassword).toBe(false);
    const figures = computeOwnershipFigures(await loadOwnershipSnapshot(db.prisma));
    expect(figures.loads.has(ravi.id)).toBe(false);
    const groups = groupPersonCells(figures.snapshot.cells, ravi.id);
    for (const cell of [...groups.A, ...groups.R].filter((cell) => cell.inScope)) {
      expect(cell.gaps.map((gap) => gap.type)).toContain("inactive-owner");
    }
    const team = (await getTeamDetail(ravi.teamId!, db.prisma))!;
    const cells = listTeamCells(figures.snapshot, team.id);
    expect(cells.filter((cell) => cell.inScope)).toHaveLength(figures.coverageByTeam[team.id]!.inScope);
    expect(await getPersonDetail(999_999, db.prisma)).toBeNull();
  });
});
