import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { TSX_NODE_ARGS } from "@/lib/commands/next-process";
import { findFreePort } from "@/lib/db/embedded";
import { useTestDatabase } from "@/tools/testing/test-database";

describe("npm start", () => {
  it("refuses to start on a configured database without an auth secret", () => {
    const result = spawnSync(process.execPath, [...TSX_NODE_ARGS, "scripts/start.ts"], {
      env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", AUTH_SECRET: "", PORT: "3999" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("AUTH_SECRET is not set");
  });

  it("refuses an auth secret shorter than 32 bytes, without repeating it", () => {
    const result = spawnSync(process.execPath, [...TSX_NODE_ARGS, "scripts/start.ts"], {
      env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", AUTH_SECRET: "short-secret-of-31-bytes-000000", PORT: "3999" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("AUTH_SECRET is too short: production needs at least 32 bytes");
    expect(result.stderr).not.toContain("short-secret-of-31-bytes");
  });

  it("refuses a port that is not a number", () => {
    const result = spawnSync(process.execPath, [...TSX_NODE_ARGS, "scripts/start.ts"], {
      env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", AUTH_SECRET: "x", PORT: "eighty" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("PORT must be a port number");
  });

  it("refuses a flag that is neither true nor false, naming it", () => {
    const result = spawnSync(process.execPath, [...TSX_NODE_ARGS, "scripts/start.ts"], {
      env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", AUTH_SECRET: "x", TANDEM_DEMO: "yes" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('TANDEM_DEMO must be true or false, not "yes"');
  });
});

describe("npm start on a PostgreSQL server in production", () => {
  const db = useTestDatabase();

  it("warns at start while demo accounts sign in with the public password", async () => {
    const child = spawn(process.execPath, [...TSX_NODE_ARGS, "scripts/start.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        AUTH_SECRET: "a-secret-of-more-than-thirty-two-bytes",
        NODE_ENV: "production",
        TANDEM_DEMO: "true",
        TANDEM_SKIP_BUILD: "true",
        PORT: String(await findFreePort()),
      },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = once(child, "exit");
    const deadline = Date.now() + 60_000;
    while (!output.includes("WARNING") && child.exitCode === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill("SIGTERM");
    await exited;
    expect(output).toMatch(/WARNING: .*admin@example\.org.* sign in with the public demo password/);
  }, 90_000);
});
