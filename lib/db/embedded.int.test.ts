import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { TSX_NODE_ARGS } from "@/lib/commands/next-process";

describe("a process that ran the embedded PostgreSQL", () => {
  it("ends with the exit code it set, not 0 (a failed test run or command must not report success)", () => {
    const script = `
      import { mkdtemp, chmod, rm } from "node:fs/promises";
      import os from "node:os";
      import path from "node:path";
      import { startEmbeddedPostgres } from "@/lib/db/embedded";
      const dir = await mkdtemp(path.join(os.tmpdir(), "tandem-exit-code-"));
      await chmod(dir, 0o755);
      const database = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), databaseName: "postgres", persistent: false });
      await database.stop();
      await rm(dir, { recursive: true, force: true });
      process.exitCode = 3;
    `;
    const result = spawnSync(process.execPath, [...TSX_NODE_ARGS, "--input-type=module", "-e", script], { encoding: "utf8", timeout: 60_000 });
    expect(result.status, result.stderr).toBe(3);
  });
});
