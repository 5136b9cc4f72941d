import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { requireDatabaseUrl } from "./database-url";
import { processShared } from "./process-shared";

export type Db = PrismaClient;

// The pool of each client, to read through it directly; shared, as the app's client is (see getPrisma).
const pools = processShared("prisma-pools", () => new WeakMap<PrismaClient, pg.Pool>());

/** Creates a client for one database; scripts and tests own its lifetime and call `$disconnect`. */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  return createPrismaClientOnPool(new pg.Pool({ connectionString: databaseUrl }), { closesPool: true });
}

/** A client on a pool of the caller's (a test that watches its connections); `$disconnect` ends the pool when `closesPool`. */
export function createPrismaClientOnPool(pool: pg.Pool, options: { closesPool: boolean }): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: options.closesPool }) });
  pools.set(client, pool);
  return client;
}

/**
 * Rows as arrays straight from the driver, on the client's own pool: for the few reads of a whole table
 * (hundreds of thousands of rows), where mapping each row through Prisma costs more than the query itself.
 * Outside any transaction of the client.
 */
export async function queryRowArrays<Row extends unknown[]>(prisma: Db, text: string, values: unknown[] = []): Promise<Row[]> {
  const pool = pools.get(prisma);
  if (!pool) throw new Error("queryRowArrays needs a client made by createPrismaClient or createPrismaClientOnPool");
  const result = await pool.query<Row>({ text, values, rowMode: "array" });
  return result.rows;
}

/**
 * The app's client: one pool per process, for pages and route handlers alike, and kept across hot
 * reloads in development instead of opening a new pool on every edit.
 */
export function getPrisma(): PrismaClient {
  return processShared("prisma", () => createPrismaClient(requireDatabaseUrl()));
}
