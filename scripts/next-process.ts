import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

export const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

const SOURCES = ["app", "components", "lib", "proxy.ts", "next.config.ts", "package-lock.json", "prisma/schema.prisma"];
const IGNORED = new Set(["node_modules", "generated", ".next"]);

/** True when there is no production build or some source file is newer than it. */
export async function buildIsStale(root = process.cwd()): Promise<boolean> {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = (await stat(buildId)).mtimeMs;
  for (const source of SOURCES) {
    if ((await newestModification(path.join(root, source))) > builtAt) return true;
  }
  return false;
}

async function newestModification(target: string): Promise<number> {
  let info;
  try {
    info = await stat(target);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(target, { withFileTypes: true })) {
    if (IGNORED.has(entry.name) || entry.name.endsWith(".test.ts")) continue;
    newest = Math.max(newest, await newestModification(path.join(target, entry.name)));
  }
  return newest;
}

export async function waitForHealthy(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`The web server did not answer ${url} within ${timeoutMs / 1000} s.`);
}
