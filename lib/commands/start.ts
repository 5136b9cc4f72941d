/**
 * What `npm start` does: the whole app on one command. Without DATABASE_URL it runs an embedded PostgreSQL whose
 * data is kept in TANDEM_DATA_DIR (default `.data`), seeds the demo organisation into an empty database,
 * builds the app when the build is missing or older than the code, and serves it on PORT (default 3000).
 * `npm run dev` does the same with the Next.js development server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { authSecretProblem, loadOrCreateSecret } from "@/lib/auth/secret-file";
import { singleSignOnSettings } from "@/lib/auth/sso-settings";
import type { IssuedLink } from "@/lib/accounts/one-time-links";
import { readEnvironment, type Environment } from "@/lib/config/environment";
import { publicLink } from "@/lib/config/public-origin";
import { redactDatabaseUrl } from "@/lib/db/database-url";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { ensureDatabaseExists } from "@/lib/db/migrate";
import { DEMO_PASSWORD } from "@/lib/demo/demo-catalog";
import { buildIsStale, NEXT_BIN, serverNodeFlags, waitForHealthy, webServerEnvironment } from "./next-process";
import { prepareDatabase } from "./prepare-database";
import { startNotificationWorker, type Worker } from "@/lib/notifications/worker";


let embedded: EmbeddedDatabase | undefined;
let server: ChildProcess | undefined;
let worker: Worker | undefined;
let stopping = false;
let dev = false;
let dataDir = path.resolve(".data");
let ephemeral = false;

async function main() {
  // A wrong variable (a half-finished single sign-on setup, say) would otherwise only show on the first
  // page that needs it, or break every page.
  let environment: Environment;
  let singleSignOn = false;
  try {
    environment = readEnvironment();
    const sso = singleSignOnSettings(environment);
    singleSignOn = sso !== null;
    if (sso) log(`Single sign-on: ${sso.name} (${sso.issuer})`);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { PORT: port } = environment;
  dataDir = path.resolve(environment.TANDEM_DATA_DIR);
  // TANDEM_EPHEMERAL=true (the e2e tests) deletes the data when the server stops.
  ephemeral = environment.TANDEM_EPHEMERAL;
  // A short secret is refused before anything starts; `npm run dev` lets one through for experiments.
  const secretProblem = environment.AUTH_SECRET && !dev ? authSecretProblem(environment.AUTH_SECRET) : null;
  if (secretProblem) fail(secretProblem);
  const useEmbedded = !environment.DATABASE_URL;
  let databaseUrl = environment.DATABASE_URL ?? "";
  if (useEmbedded) {
    log(`Starting the embedded PostgreSQL (data in ${dataDir}) ...`);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), databaseName: "tandem", persistent: !ephemeral, callerHandlesSignals: true });
    // The web server and every command it runs read the same variables.
    databaseUrl = embedded.url;
    process.env.DATABASE_URL = databaseUrl;
    process.env.AUTH_SECRET = environment.AUTH_SECRET ?? (await loadOrCreateSecret(path.join(dataDir, "auth-secret")));
  } else if (!environment.AUTH_SECRET && !dev) {
    fail("AUTH_SECRET is not set. Production needs a secret to sign sessions: generate one with `openssl rand -base64 32`.");
  }
  const seedDemo = environment.TANDEM_DEMO ?? useEmbedded;
  // The embedded demo sends no mail: admins read what would have gone out in Settings -> Mailbox.
  if (useEmbedded && seedDemo && environment.TANDEM_MAILBOX === undefined) process.env.TANDEM_MAILBOX = "true";
  log(`Database: ${redactDatabaseUrl(databaseUrl)}`);
  // Creating the database is a convenience; on a managed server without that right, the named database
  // must exist already and the migrations below say clearly when it does not.
  if (!useEmbedded) await ensureDatabaseExists(databaseUrl).catch(() => undefined);
  const prepared = await prepareDatabase(databaseUrl, { seedDemo, offerSetup: { singleSignOn } });
  if (prepared.appliedMigrations.length) log(`Applied migrations: ${prepared.appliedMigrations.join(", ")}`);
  if (prepared.demo?.seeded) log(`Seeded the demo organisation: ${JSON.stringify(prepared.demo.counts)}`);
  else if (seedDemo) log("The database already has data: the demo organisation was not seeded again.");
  // A server for real use whose demo accounts anyone can sign in to: said loudly, at every start.
  if (!useEmbedded && environment.NODE_ENV === "production" && prepared.demoAccountsWithPublicPassword.length > 0) {
    log(
      `WARNING: ${prepared.demoAccountsWithPublicPassword.join(", ")} sign in with the public demo password. Anyone who can reach ` +
        "this server can sign in as them: set their passwords or deactivate them, or start on an empty database with TANDEM_DEMO=false.",
    );
  }

  // The Docker image is built once at image build time: never rebuild inside a container.
  if (!dev && !environment.TANDEM_SKIP_BUILD && (await buildIsStale())) {
    log("Building the app (first start, or the code changed) ...");
    await run(process.execPath, [NEXT_BIN, "build"]);
  }
  server = spawn(process.execPath, [...(dev ? [] : serverNodeFlags(environment)), NEXT_BIN, dev ? "dev" : "start", "--port", String(port)], {
    stdio: "inherit",
    env: webServerEnvironment(process.env),
  });
  server.on("exit", (code, signal) => {
    if (!stopping) {
      log(`The web server stopped (${signal ?? `exit code ${code}`}).`);
      void shutdown(code ?? 1);
    }
  });
  await waitForHealthy(`http://127.0.0.1:${port}/api/health`, 120_000);
  // Scheduled messages and the outbox; with several instances, any number may run it (or one `npm run worker`).
  if (environment.TANDEM_WORKER) worker = await startNotificationWorker(databaseUrl, (line) => log(line));
  printBanner(port, prepared.demoAccountsWithPublicPassword.length > 0, prepared.setupLink);
}

function printBanner(port: number, demo: boolean, setupLink: IssuedLink | null) {
  const lines = [`Tandem is running on http://localhost:${port}`];
  if (setupLink) {
    lines.push(
      "Nobody can sign in as an admin yet. Set up your organisation and its first admin here",
      `(one use, until ${setupLink.expiresAt.toISOString()}; a new link is printed at each start until set-up is done):`,
      "",
      `  ${publicLink(setupLink.path)}`,
      "",
    );
  }
  if (demo) {
    lines.push(
      `Demo sign-ins (password: ${DEMO_PASSWORD}):`,
      "  admin@example.org              admin",
      "  marketing.manager@example.org  manager of Brand & Content (marketing)",
      "  it.manager@example.org         manager of Web Platform (IT)",
      "  viewer@example.org             viewer",
    );
  }
  lines.push("Press Ctrl-C to stop.");
  console.log(`\n${lines.join("\n")}\n`);
}

async function shutdown(exitCode: number) {
  if (stopping) return;
  stopping = true;
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    // Next.js stops accepting connections and lets the requests in flight finish before it exits.
    server.kill("SIGTERM");
    const timeout = setTimeout(() => {
      log("The web server did not finish its requests within 10 s: stopping it forcibly.");
      server?.kill("SIGKILL");
    }, 10_000);
    await exited;
    clearTimeout(timeout);
  }
  await worker?.stop().catch((error: unknown) => log(`The notifications worker did not stop cleanly: ${String(error)}`));
  await embedded?.stop();
  if (ephemeral) await rm(dataDir, { recursive: true, force: true });
  process.exit(exitCode);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    server = child;
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} failed with exit code ${code}`))));
  });
}

function log(message: string) {
  console.log(`[tandem] ${message}`);
}

function fail(message: string): never {
  console.error(`[tandem] ${message}`);
  process.exit(1);
}

/** Starts everything, stops it all on SIGINT, SIGTERM or SIGHUP; `development` runs the Next.js development server. */
export function startTandem(options: { development: boolean }): void {
  dev = options.development;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));
  main().catch(async (error: unknown) => {
    console.error(`[tandem] ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  });
}
