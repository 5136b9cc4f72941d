import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { callbackUrlsFor, E2E_OIDC, oidcPortFor } from "./e2e/oidc-settings";

/**
 * End-to-end tests run the production build on a throwaway embedded database seeded with the demo
 * organisation, with oidc-provider (a real OpenID Connect provider) as its single sign-on. Debian's Chromium is used
 * where installed (this project's machines have no access to Playwright's browser downloads); elsewhere
 * Playwright's own Chromium (`npx playwright install chromium`).
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => existsSync(candidate));
const executablePath = process.env.CHROMIUM_PATH ?? systemChromium;
// Chosen once by the runner and passed to its workers, which load this file again: a spec that seeds rows
// finds the shared server's database there (e2e/shared-database.ts).
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `tandem-e2e-${process.pid}`);
process.env.E2E_DATA_DIR = dataDir;
const oidcPort = oidcPortFor(port);
const oidcIssuer = `http://localhost:${oidcPort}`;

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  outputDir: "test-results",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", dependencies: ["setup"], testIgnore: /auth\.setup\.ts/ },
  ],
  webServer: [
    {
      // oidc-provider in its default, conformant mode: the email claims come from UserInfo only.
      command: "node --import tsx e2e/oidc-provider.ts",
      url: `${oidcIssuer}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: {
        OIDC_PORT: String(oidcPort),
        OIDC_CLIENT_ID: E2E_OIDC.clientId,
        OIDC_CLIENT_SECRET: E2E_OIDC.clientSecret,
        OIDC_REDIRECT_URI: callbackUrlsFor(port).join(","),
      },
    },
    {
      command: "npx tsx --conditions=react-server scripts/start.ts",
      url: `${baseURL}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      env: {
        PORT: String(port),
        TANDEM_DATA_DIR: dataDir,
        TANDEM_EPHEMERAL: "true",
        DATABASE_URL: "",
        AUTH_SECRET: "e2e-only-secret-not-for-production-000000",
        // The webhooks spec's receiver listens on 127.0.0.1, in the test process.
        TANDEM_WEBHOOKS_ALLOW_PRIVATE: "true",
        AUTH_OIDC_ISSUER: oidcIssuer,
        AUTH_OIDC_CLIENT_ID: E2E_OIDC.clientId,
        AUTH_OIDC_CLIENT_SECRET: E2E_OIDC.clientSecret,
        AUTH_OIDC_NAME: E2E_OIDC.name,
      },
    },
  ],
});
