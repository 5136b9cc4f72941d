import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { dropDatabase } from "@/lib/db/migrate";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { loadOwnershipSnapshot } from "@/lib/ownership/snapshot";
import { computeOwnershipFigures } from "@/lib/people/figures";
import { loadReport } from "@/lib/report/load-report";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { loadBenchOrganisation } from "./load-organisation";

/**
 * DESIGN.md's person load, one number per person: the People page and the person's page (both from
 * `computeOwnershipFigures`) and the gap report, unfiltered or filtered to a team, say the same for
 * every active person, on the demo and on a generated organisation of 2,000 people's shape.
 */
async function expectLoadsAgree(prisma: Db) {
  const now = new Date();
  const figures = computeOwnershipFigures(await loadOwnershipSnapshot(prisma, now));
  const report = await loadReport(prisma, {}, now);
  const active = await prisma.person.findMany({ where: { deactivatedAt: null }, select: { id: true, email: true, teamId: true } });
  const onPeoplePages = (email: string) => {
    const load = [...figures.loads.values()].find((entry) => entry.email === email)!;
    return { email, accountableCells: load.accountableCells, highCriticalCells: load.highCriticalCells, overloaded: load.overloaded };
  };
  const inReport = (entries: typeof report.personLoad) =>
    entries.map(({ email, accountableCells, highCriticalCells, overloaded }) => ({ email, accountableCells, highCriticalCells, overloaded }));

  expect(report.personLoad).toHaveLength(active.length);
  for (const entry of inReport(report.personLoad)) expect(entry).toEqual(onPeoplePages(entry.email));

  const team = active.find((person) => person.teamId !== null)!.teamId!;
  const forTeam = await loadReport(prisma, { team }, now);
  expect(forTeam.personLoad.map((load) => load.email).sort()).toEqual(active.filter((person) => person.teamId === team).map((person) => person.email).sort());
  for (const entry of inReport(forTeam.personLoad)) expect(entry).toEqual(onPeoplePages(entry.email));
}

describe("person load on the People pages and in the report", () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const database of databases) {
      await database.prisma.$disconnect();
      await dropDatabase(database.url);
    }
  });
  let demo: TestDatabase;
  let generated: TestDatabase;
  beforeAll(async () => {
    [demo, generated] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    databases.push(demo, generated);
    await seedDemoOrganisation(demo.prisma);
    await loadBenchOrganisation(generated.url, { scale: 0.02, seed: 11, now: new Date() }, () => undefined);
  }, 120_000);

  it("agree for every person on the demo organisation", () => expectLoadsAgree(demo.prisma));
  it("agree for every person on a generated organisation", () => expectLoadsAgree(generated.prisma));
});
