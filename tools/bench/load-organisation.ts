import bcrypt from "bcryptjs";
import pg from "pg";
import { ensureDefaultCatalog } from "@/lib/catalog/default-catalog";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { DEMO_PASSWORD } from "@/lib/demo/demo-catalog";
import type { ConcernHome } from "@/lib/rules/types";
import { dropForBulkLoad, restoreAfterBulkLoad } from "./bulk-schema";
import { copyAssignments, copyOrganisationRows, copyReviewHistory } from "./copy-organisation";
import { buildBenchOrganisation } from "./organisation";
import type { BenchCatalog, BenchOrganisation } from "./organisation-types";

export interface LoadedOrganisation {
  organisation: BenchOrganisation;
  counts: {
    teams: number;
    people: number;
    assets: number;
    cells: number;
    assignments: number;
    reviews: number;
    reviewItems: number;
    confirmations: number;
  };
  seconds: number;
}

const BULK_TABLES = [
  "Team",
  "Person",
  "Asset",
  "ReviewCycle",
  "Review",
  "ReviewItem",
  "ReviewItemNewOwner",
  "Assignment",
  "AssignmentConfirmation",
];
const SERIAL_TABLES = [
  "Team",
  "Person",
  "Asset",
  "ReviewCycle",
  "Review",
  "ReviewItem",
  "Assignment",
  "AssignmentConfirmation",
  "AuditEvent",
];

/**
 * Migrates an empty database, gives it the default catalog and fills it with the bench organisation
 * through COPY, with explicit ids, on three connections at once. Every person who may sign in gets the
 * demo password.
 */
export async function loadBenchOrganisation(
  databaseUrl: string,
  options: { scale: number; seed: number; now: Date },
  log: (message: string) => void,
): Promise<LoadedOrganisation> {
  const started = performance.now();
  await applyMigrations(databaseUrl);
  const prisma = createPrismaClient(databaseUrl);
  try {
    await ensureDefaultCatalog(prisma);
  } finally {
    await prisma.$disconnect();
  }
  const clients = [0, 1, 2].map(() => new pg.Client({ connectionString: databaseUrl }));
  await Promise.all(clients.map((client) => client.connect()));
  try {
    const [main] = clients as [pg.Client, pg.Client, pg.Client];
    const catalog = await readCatalog(main);
    const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
    const organisation = buildBenchOrganisation({ ...options, passwordHash }, catalog);
    log(
      `Generated ${organisation.assets.length} assets, ${organisation.cells.length} cells, ${organisation.people.length} people, ${organisation.assignmentCount} assignments`,
    );

    await Promise.all(clients.map((client) => client.query("SET maintenance_work_mem = '256MB'")));
    const deferred = await dropForBulkLoad(main, BULK_TABLES);
    await copyOrganisationRows(main, organisation);
    const { reviewItems, confirmations, latestConfirmation } = await copyReviewHistory(clients, organisation);
    await copyAssignments(main, organisation, latestConfirmation);
    await main.query(
      `UPDATE "OrganisationSettings" SET name = $1, "timeZone" = $2, "updatedAt" = now() WHERE id = 1`,
      [organisation.name, organisation.timeZone],
    );
    await main.query(
      `INSERT INTO "AuditEvent" (action, "entityType", "entityId", after) VALUES ('bench.seeded', 'organisation', '1', $1)`,
      [JSON.stringify({ scale: options.scale, seed: options.seed })],
    );
    for (const table of SERIAL_TABLES) {
      await main.query(
        `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max(id) FROM "${table}"))`,
      );
    }
    log("Loaded the rows; rebuilding indexes and foreign keys");
    await restoreAfterBulkLoad(clients, deferred);
    await main.query("VACUUM ANALYZE");
    return {
      organisation,
      counts: {
        teams: organisation.teams.length,
        people: organisation.people.length,
        assets: organisation.assets.length,
        cells: organisation.cells.length,
        assignments: organisation.assignmentCount,
        reviews: organisation.reviews.length,
        reviewItems,
        confirmations,
      },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  }
}

async function readCatalog(client: pg.Client): Promise<BenchCatalog> {
  const kinds = await client.query<{ id: number; key: string }>(
    `SELECT id, key FROM "AssetKind" ORDER BY "sortOrder", key`,
  );
  const concerns = await client.query<{ id: number; key: string; home: ConcernHome; kindKeys: string[] }>(
    `SELECT c.id, c.key, c.home::text AS home, array_agg(k.key ORDER BY k.key) AS "kindKeys"
     FROM "Concern" c JOIN "ConcernApplicability" a ON a."concernId" = c.id JOIN "AssetKind" k ON k.id = a."kindId"
     GROUP BY c.id ORDER BY c."sortOrder", c.key`,
  );
  return { kinds: kinds.rows, concerns: concerns.rows };
}
