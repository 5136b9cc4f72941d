import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { buildIsStale, NEXT_BIN } from "@/lib/commands/next-process";
import { readEnvironment } from "@/lib/config/environment";

/**
 * Builds the app when the build is missing or older than the code, as `npm start` does.
 * TANDEM_SKIP_BUILD=true measures an existing build as it is (when others are changing the code).
 */
export async function ensureProductionBuild(
  log: (message: string) => void,
  track: (child: ChildProcess) => void,
): Promise<"current" | "built" | "kept-stale"> {
  if (!(await buildIsStale())) return "current";
  if (readEnvironment().TANDEM_SKIP_BUILD && existsSync(path.join(".next", "BUILD_ID"))) {
    log("The build is older than the code; measuring it anyway (TANDEM_SKIP_BUILD=true).");
    return "kept-stale";
  }
  log("Building the app (next build) ...");
  const child = spawn(process.execPath, [NEXT_BIN, "build"], {
    stdio: ["ignore", 2, 2],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  track(child);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  return "built";
}
