import pg from "pg";
import { createPrismaClientOnPool, type Db } from "@/lib/db/client";

export interface CountingClient {
  prisma: Db;
  /** SQL statements sent since the last reset, transaction statements included. */
  count(): number;
  reset(): void;
  close(): Promise<void>;
}

/** A Prisma client whose every SQL statement is counted, for tests that a screen's queries do not grow with the data. */
export function createCountingClient(databaseUrl: string): CountingClient {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  // Prisma's adapter listens for errors of idle connections only while connected: after `$disconnect`, the
  // database dropped under this pool's idle connections would otherwise end the test run with an uncaught error.
  pool.on("error", () => undefined);
  let statements = 0;
  pool.on("connect", (client) => {
    const send = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      statements += 1;
      return send(...args);
    }) as typeof client.query;
  });
  const prisma = createPrismaClientOnPool(pool, { closesPool: false });
  return {
    prisma,
    count: () => statements,
    reset: () => {
      statements = 0;
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}
