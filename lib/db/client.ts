import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { requireDatabaseUrl } from "./database-url";

export type Db = PrismaClient;

/** Creates a client for one database; scripts and tests own its lifetime and call `$disconnect`. */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

const globalForPrisma = globalThis as unknown as { tandemPrisma?: PrismaClient };

/**
 * The app's shared client. Cached on globalThis so that hot reloads in development
 * do not open a new pool on every edit.
 */
export function getPrisma(): PrismaClient {
  globalForPrisma.tandemPrisma ??= createPrismaClient(requireDatabaseUrl());
  return globalForPrisma.tandemPrisma;
}
