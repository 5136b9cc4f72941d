import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type FullConfig } from "@playwright/test";

/**
 * Uses the system's Chromium when the config found one; otherwise makes sure Playwright's own
 * Chromium is installed (that download needs internet, which a developer's machine usually has).
 */
export default function globalSetup(config: FullConfig) {
  const configured = config.projects[0]?.use.launchOptions?.executablePath;
  if (configured) return;
  if (!existsSync(chromium.executablePath())) {
    console.log("No system Chromium found: installing Playwright's Chromium ...");
    execSync("npx playwright install chromium", { stdio: "inherit" });
  }
}
