import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { TSX_NODE_ARGS } from "@/lib/commands/next-process";
import { useTestDatabase } from "@/tools/testing/test-database";

const run = (args: string[], databaseUrl: string) =>
  spawnSync(process.execPath, [...TSX_NODE_ARGS, "scripts/admin-create.ts", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_URL: "https://tandem.acme.example" },
    encoding: "utf8",
    timeout: 60_000,
  });

describe("npm run admin:create", () => {
  const db = useTestDatabase();

  it("makes an admin and prints a one-time link on the public origin; usage errors exit 1", async () => {
    const made = run(["--email", "Ada@Acme.example", "--name", "Ada Lovelace"], db.url);
    expect(made.stderr).toBe("");
    expect(made.status).toBe(0);
    expect(made.stdout).toContain("Created Ada Lovelace <ada@acme.example> as an admin.");
    expect(made.stdout).toMatch(/https:\/\/tandem\.acme\.example\/set-password\?token=[A-Za-z0-9_-]{43}/);
    expect(await db.prisma.person.findUniqueOrThrow({ where: { email: "ada@acme.example" } })).toMatchObject({ role: "admin", passwordHash: null });

    const unknown = run(["--email", "ghost@acme.example"], db.url);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("give their name with --name");
    const wrong = run(["--mail", "x"], db.url);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain("Usage: npm run admin:create");
  });
});
