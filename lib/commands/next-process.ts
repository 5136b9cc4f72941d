import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readEnvironment } from "@/lib/config/environment";

/**
 * How a command's TypeScript is run in a process of its own: through tsx, under the `react-server`
 * condition, as Next.js runs its server bundles. Modules that must never reach a browser say
 * `import "server-only"`; under this condition it is an empty module, elsewhere it throws.
 */
export const TSX_NODE_ARGS = ["--conditions=react-server", "--import", "tsx"];

export const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

/** Preloaded into the web server: it appends each request's socket address to X-Forwarded-For (the file says why). */
export const PEER_ADDRESS_PRELOAD = fileURLToPath(new URL("./peer-address.cjs", import.meta.url));

/**
 * The web server's environment: the given one (this process's) with the peer-address preload added to
 * Node's own options. Through NODE_OPTIONS rather than a flag, so that `next dev`'s worker process, which
 * does not inherit its parent's flags, loads it too.
 */
export function webServerEnvironment<Env extends Record<string, string | undefined>>(inherited: Env): Env & { NODE_OPTIONS: string } {
  const nodeOptions = [inherited.NODE_OPTIONS, `--require=${JSON.stringify(PEER_ADDRESS_PRELOAD)}`].filter(Boolean).join(" ");
  return { ...inherited, NODE_OPTIONS: nodeOptions, NEXT_TELEMETRY_DISABLED: "1" };
}

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

/**
 * V8 flags for the production web server. V8 lets the heap grow to several times what survived its last
 * full collection before collecting again; with the figures kept per data version (about 150 MB at
 * 10,000 assets) the server would sit above 1 GB. Growing by at most 30% keeps it near twice the live data,
 * and a larger young generation (64 MB semi-spaces) lets a request's working set (a report rebuilt after a
 * write) die young instead of filling the old one. No fixed cap: a larger organisation needs a larger heap,
 * not an out-of-memory crash.
 */
export const SERVER_NODE_FLAGS = ["--heap-growing-percent=30", "--max-semi-space-size=64"];

/**
 * The flags to start the web server's Node.js with: TANDEM_SERVER_NODE_FLAGS (space-separated; empty for
 * none) or the defaults above, dropped with a warning when this Node.js refuses them (a V8 flag can be
 * renamed between releases, and a refused flag would stop the server from starting at all).
 */
export function serverNodeFlags(
  env: { TANDEM_SERVER_NODE_FLAGS?: string } = readEnvironment(),
  accepts: (flags: string[]) => boolean = nodeAccepts,
  warn: (message: string) => void = console.warn,
): string[] {
  const configured = env.TANDEM_SERVER_NODE_FLAGS;
  const flags = configured === undefined ? SERVER_NODE_FLAGS : configured.split(/\s+/).filter(Boolean);
  if (flags.length === 0 || accepts(flags)) return flags;
  warn(`[tandem] This Node.js refuses the web server's flags (${flags.join(" ")}); starting it without them.`);
  return [];
}

function nodeAccepts(flags: string[]): boolean {
  return spawnSync(process.execPath, [...flags, "-e", ""], { stdio: "ignore" }).status === 0;
}
