import AxeBuilder from "@axe-core/playwright";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { cookieHeaderOf, signedInClient, startApp, type AppProcess } from "./app-process";
import { expect, test } from "./fixtures";

/**
 * Faults, each on a server of its own (the shared one must keep its database): the database stopped
 * under a running app, and the app stopped with SIGTERM while requests are in flight.
 */

const AUTH_SECRET = "e2e-outage-secret-not-for-production-0000";

const SETTINGS = { timeZone: "UTC", staleAfterDays: 28, overloadHighCriticalCells: 15, overloadConcernSharePct: 25, overloadConcernMinCells: 20 };

test.describe("faults", () => {
  test.setTimeout(150_000);

  let tempDir: string;
  let app: AppProcess | undefined;
  let database: EmbeddedDatabase | undefined;

  test.beforeEach(async () => {
    tempDir = await mkdtemp(path.join(os.tmpdir(), "tandem-fault-"));
    // As root the embedded server runs as the `postgres` user and must enter the folder.
    await chmod(tempDir, 0o755);
  });

  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus && app) await testInfo.attach("server output", { body: app.output() });
    await app?.stop();
    await database?.stop();
    app = database = undefined;
    // Retries: after a forced stop, PostgreSQL processes may still be writing as the folder goes.
    await rm(tempDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  test("with the database stopped, pages and the API answer a friendly 503; when it returns, the same app serves and writes again", async ({ browser }) => {
    const port = await findFreePort();
    const startDatabase = () => startEmbeddedPostgres({ dataDir: path.join(tempDir, "postgres"), databaseName: "tandem", persistent: true, port });
    database = await startDatabase();
    app = await startApp({ DATABASE_URL: database.url, AUTH_SECRET, TANDEM_DEMO: "true" });
    const admin = await signedInClient(app.url, "admin@example.org");
    const context = await browser.newContext({ baseURL: app.url, storageState: await admin.storageState() });
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    expect((await page.goto("/matrix"))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Ownership matrix" })).toBeVisible();

    await database.stop();

    // The availability check is reused for a second at most, so the outage shows at once.
    await expect.poll(async () => (await page.goto("/matrix"))?.status(), { timeout: 10_000 }).toBe(503);
    const outage = await page.goto("/matrix");
    expect(outage?.headers()["retry-after"]).toBe("5");
    expect(outage?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    await expect(page.getByRole("heading", { level: 1, name: "Tandem cannot reach its database at the moment" })).toBeVisible();
    await expect(page.getByText("This page tries again by itself")).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/outage-503.png", fullPage: true });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical")).toEqual([]);

    const read = await admin.get("/api/me");
    expect(read.status()).toBe(503);
    expect(read.headers()["retry-after"]).toBe("5");
    expect(await read.json()).toEqual({ ok: false, code: "unavailable", error: expect.stringContaining("database") });
    const write = await admin.patch("/api/settings", { data: { name: "Written during the outage", ...SETTINGS } });
    expect(write.status()).toBe(503);
    expect(await write.json()).toMatchObject({ ok: false, code: "unavailable" });
    const health = await admin.get("/api/health");
    expect(health.status()).toBe(503);
    expect(await health.json()).toEqual({ status: "unavailable" });

    database = await startDatabase();

    // The outage page, still open, reloads itself into the matrix once the database answers (its script:
    // the no-script refresh would take 30 s): no restart, no click.
    await expect(page.getByRole("heading", { level: 1, name: "Ownership matrix" })).toBeVisible({ timeout: 20_000 });
    expect(page.url()).toBe(`${app.url}/matrix`);
    expect(cspViolations).toEqual([]);
    const saved = await admin.patch("/api/settings", { data: { name: "Written after the outage", ...SETTINGS } });
    expect(saved.status()).toBe(200);
    await page.goto("/settings");
    await expect(page.getByLabel("Organisation name")).toHaveValue("Written after the outage");
    expect(await storedOrganisationName(database.url)).toBe("Written after the outage");

    // A page whose queries are already running when the database goes: its error boundary says so, then
    // loads the page again once the database answers. A lock on Person holds the page's first query.
    const locker = new pg.Client({ connectionString: database.url });
    locker.on("error", () => undefined);
    await locker.connect();
    await locker.query('BEGIN; LOCK TABLE "Person" IN ACCESS EXCLUSIVE MODE');
    const interrupted = page.goto("/assets");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await database.stop();
    // 500 when the failure comes before Next.js has sent the first bytes, 200 when the screen's loading
    // shell was already streamed: which one depends on timing; the page the person sees is the same.
    expect([200, 500]).toContain((await interrupted)?.status());
    await expect(page.getByRole("heading", { level: 1, name: "Tandem cannot reach its database at the moment" })).toBeVisible();
    await expect(page.getByText("This screen loads again by itself")).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/outage-error-boundary.png", fullPage: true });
    database = await startDatabase();
    await expect(page.getByRole("heading", { level: 1, name: "Assets" })).toBeVisible({ timeout: 20_000 });

    // One server process all along.
    expect(app.child.exitCode).toBeNull();
    expect(app.output()).not.toMatch(/The web server stopped|uncaught|unhandled/i);
    await context.close();
    await admin.dispose();
  });

  test("SIGTERM lets in-flight requests finish, then stops the web server and the embedded database cleanly", async () => {
    const dataDir = path.join(tempDir, "data");
    app = await startApp({ DATABASE_URL: "", TANDEM_DATA_DIR: dataDir, AUTH_SECRET, TANDEM_DEMO: "true" });
    const postmasterPidFile = path.join(dataDir, "postgres", "postmaster.pid");
    const postmasterPid = Number((await readFile(postmasterPidFile, "utf8")).split("\n")[0]);
    const admin = await signedInClient(app.url, "admin@example.org");
    const cookie = await cookieHeaderOf(admin);

    // A write whose body is only half sent when the signal comes: it is in flight for certain.
    const body = Buffer.from(JSON.stringify({ name: "Saved while stopping", ...SETTINGS }));
    const slowWrite = startRequest(`${app.url}/api/settings`, {
      method: "PATCH",
      headers: { "content-type": "application/json", "content-length": String(body.length), cookie },
    });
    slowWrite.request.write(body.subarray(0, 10));
    const pageLoads = Array.from({ length: 3 }, () => fetch(`${app!.url}/matrix`, { headers: { cookie } }).then(async (response) => ({ status: response.status, text: await response.text() })));
    await new Promise((resolve) => setTimeout(resolve, 500));

    app.child.kill("SIGTERM");

    // No new connections once stopping...
    await expect.poll(() => newConnectionTo(app!.url), { timeout: 10_000 }).toBe("refused");
    expect(app.child.exitCode).toBeNull();
    // ...while the requests already in flight complete.
    slowWrite.request.end(body.subarray(10));
    const written = await slowWrite.response;
    expect(written.status).toBe(200);
    expect(JSON.parse(written.body)).toMatchObject({ ok: true, data: { name: "Saved while stopping" } });
    for (const load of await Promise.all(pageLoads)) {
      expect(load.status).toBe(200);
      expect(load.text).toContain("Ownership matrix");
    }

    expect(await app.exited).toBe(0);
    expect(app.output()).not.toContain("stopping it forcibly");
    // PostgreSQL removes its pid file only when it shuts down cleanly, and its process is gone.
    expect(existsSync(postmasterPidFile)).toBe(false);
    expect(isRunning(postmasterPid)).toBe(false);

    // The drained write is in the database, which starts again without recovery.
    const log: string[] = [];
    database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), databaseName: "tandem", persistent: true, onLog: (line) => log.push(line) });
    expect(await storedOrganisationName(database.url)).toBe("Saved while stopping");
    expect(log.join("\n")).toContain("database system was shut down at");
    await admin.dispose();
  });
});

/** What the database holds, read past the app (the e2e tests have no app database client of their own). */
async function storedOrganisationName(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ name: string }>('SELECT name FROM "OrganisationSettings" WHERE id = 1')).rows[0]!.name;
  } finally {
    await client.end();
  }
}

function startRequest(url: string, options: http.RequestOptions) {
  let request!: http.ClientRequest;
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request = http.request(url, { ...options, agent: false }, (incoming) => {
      let text = "";
      incoming.on("data", (chunk: Buffer) => (text += chunk.toString()));
      incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, body: text }));
      incoming.on("error", reject);
    });
    request.on("error", reject);
  });
  return { request, response };
}

function newConnectionTo(url: string): Promise<"accepted" | "refused"> {
  return new Promise((resolve) => {
    const probe = http.get(`${url}/api/health`, { agent: false }, (response) => {
      response.resume();
      resolve("accepted");
    });
    probe.on("error", () => resolve("refused"));
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
