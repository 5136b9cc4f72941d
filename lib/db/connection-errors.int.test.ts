import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toAppError } from "@/lib/api/to-app-error";
import { createDatabasePing } from "./availability";
import { createPrismaClient, type Db } from "./client";
import { isDatabaseUnreachable } from "./connection-errors";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";
import { applyMigrations } from "./migrate";

/**
 * A PostgreSQL server of its own, stopped and started again on the same port under a live Prisma client:
 * what Prisma 7 and the pg adapter throw while it is gone, and whether they recover without a restart.
 */
describe("a database that goes away and comes back", () => {
  let tempDir: string;
  let port: number;
  let server: EmbeddedDatabase;
  let prisma: Db;
  let ping: () => Promise<boolean>;

  const start = () => startEmbeddedPostgres({ dataDir: path.join(tempDir, "pg"), databaseName: "outage", persistent: true, port });
  const failureOf = (promise: Promise<unknown>) => promise.then(() => expect.fail("the query should have failed"), (error: unknown) => error);
  const expectUnreachable = (error: unknown) => {
    expect(isDatabaseUnreachable(error), String(error)).toBe(true);
    expect(toAppError(error).code).toBe("unavailable");
  };

  beforeAll(async () => {
    tempDir = await mkdtemp(path.join(os.tmpdir(), "tandem-outage-"));
    // As root the server runs as the `postgres` user and must enter the folder.
    await chmod(tempDir, 0o755);
    port = await findFreePort();
    server = await start();
    await applyMigrations(server.url);
    prisma = createPrismaClient(server.url);
    ping = createDatabasePing(server.url, 500);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await server?.stop();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  });

  it("reports queries cut by a shutdown, and every query while it is down, as unreachable", async () => {
    expect(await ping()).toBe(true);
    await prisma.team.create({ data: { name: "Before the outage", function: "it" } });
    const rawInFlight = failureOf(prisma.$queryRaw`SELECT pg_sleep(10)`);
    const transactionInFlight = failureOf(
      prisma.$transaction(async (tx) => {
        await tx.team.create({ data: { name: "Never committed", function: "it" } });
        await tx.$executeRaw`SELECT pg_sleep(10)`;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.stop();

    expectUnreachable(await rawInFlight);
    expectUnreachable(await transactionInFlight);
    expect(await ping()).toBe(false);
    expectUnreachable(await failureOf(prisma.team.count()));
    expectUnreachable(await failureOf(prisma.team.create({ data: { name: "While down", function: "it" } })));
    expectUnreachable(await failureOf(prisma.$transaction((tx) => tx.team.count())));
  });

  it("answers again through the same client and ping once the server is back, with nothing half-written", async () => {
    server = await start();
    expect(await ping()).toBe(true);
    expect((await prisma.team.findMany({ select: { name: true } })).map((team) => team.name)).toEqual(["Before the outage"]);
    await prisma.$transaction((tx) => tx.team.create({ data: { name: "After the outage", function: "marketing" } }));
    expect(await prisma.team.count()).toBe(2);
  });

  it("reports a crashed server (immediate shutdown) as unreachable too, and recovers from it", async () => {
    const postmasterPid = Number((await readFile(path.join(tempDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
    const inFlight = failureOf(prisma.$queryRaw`SELECT pg_sleep(10)`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(postmasterPid, "SIGQUIT");
    expectUnreachable(await inFlight);
    await expect.poll(() => ping(), { timeout: 10_000 }).toBe(false);
    server = await start();
    expect(await ping()).toBe(true);
    expect(await prisma.team.count()).toBe(2);
  });
});
