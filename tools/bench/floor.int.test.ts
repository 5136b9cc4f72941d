import pg from "pg";
import { describe, expect, it } from "vitest";
import { loadOwnershipSnapshot } from "@/lib/ownership/snapshot";
import { clearCoverageTrendCache, loadCoverageTrend } from "@/lib/report/trend";
import { coverageOf } from "@/lib/rules";
import { useTestDatabase } from "@/tools/testing/test-database";
import { measureCoverageFloor } from "./floor";
import { loadBenchOrganisation, type LoadedOrganisation } from "./load-organisation";

describe("the bench organisation in a database", () => {
  const db = useTestDatabase();
  let loaded: LoadedOrganisation;

  it("loads every generated row and keeps the schema it found", async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const schema = async () =>
        (
          await client.query(
            `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE connamespace = 'public'::regnamespace
             UNION ALL SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`,
          )
        ).rows;
      const before = await schema();
      loaded = await loadBenchOrganisation(
        db.url,
        { scale: 0.02, seed: 9, now: new Date() },
        () => undefined,
      );
      expect(await schema()).toEqual(before);
      const count = async (table: string) =>
        Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
      expect(await count("Team")).toBe(loaded.counts.teams);
      expect(await count("Person")).toBe(loaded.counts.people);
      expect(await count("Asset")).toBe(loaded.counts.assets);
      expect(await count("Assignment")).toBe(loaded.counts.assignments);
      expect(await count("Review")).toBe(loaded.counts.reviews);
      expect(await count("ReviewItem")).toBe(loaded.counts.reviewItems);
      expect(await count("AssignmentConfirmation")).toBe(loaded.counts.confirmations);
      // The next row the app inserts gets a fresh id.
      const inserted = await client.query(
        `INSERT INTO "Team" (name, function, "updatedAt") VALUES ('New team', 'it', now()) RETURNING id`,
      );
      expect(inserted.rows[0].id).toBe(loaded.counts.teams + 1);
    } finally {
      await client.end();
    }
  });

  it("has a floor query that counts the same coverage as the rules", async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const floor = await measureCoverageFloor(client, 2);
      const snapshot = await loadOwnershipSnapshot(db.prisma);
      const rules = coverageOf(snapshot.cells);
      expect({ inScope: floor.inScope, covered: floor.covered }).toEqual({
        inScope: rules.inScope,
        covered: rules.covered,
      });
      expect(floor.covered).toBeLessThan(floor.inScope);
      expect(floor.covered).toBeGreaterThan(floor.inScope * 0.7);
      expect(floor.bestMs).toBeGreaterThan(0);
      clearCoverageTrendCache();
      const trend = await loadCoverageTrend(db.prisma, {}, 52);
      expect(trend.at(-1)!.overall).toMatchObject({ inScope: rules.inScope, covered: rules.covered });
      // Gaps closed and people left during the year: the trend is not flat.
      expect(new Set(trend.map((point) => point.overall.percent)).size).toBeGreaterThan(5);
    } finally {
      await client.end();
    }
  });
});
