import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { databaseNameOf, withDatabaseName } from "@/lib/db/database-url";
import { dropDatabase } from "@/lib/db/migrate";

export interface TestDatabase {
  url: string;
  prisma: Db;
}

/**
 * A fresh copy of the migrated template database for one test file, dropped after it; or a copy of another
 * database (nobody may be connected to it meanwhile), for tests that start each case from the same data.
 */
export async function createTestDatabase(templateUrl = inject("templateDatabaseUrl")): Promise<TestDatabase> {
  const name = `${databaseNameOf(inject("templateDatabaseUrl"))}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: withDatabaseName(templateUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${databaseNameOf(templateUrl)}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabaseName(templateUrl, name);
  return { url, prisma: createPrismaClient(url) };
}

/** Registers beforeAll/afterAll hooks; the returned object is filled in before the first test runs. */
export function useTestDatabase(): TestDatabase {
  const holder = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(holder, await createTestDatabase());
  });
  afterAll(async () => {
    await holder.prisma?.$disconnect();
    if (holder.url) await dropDatabase(holder.url);
  });
  return holder;
}
