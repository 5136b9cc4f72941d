import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { TSX_NODE_ARGS } from "@/lib/commands/next-process";
import { authenticateToken } from "@/lib/tokens/authenticate";
import { useTestDatabase } from "@/tools/testing/test-database";

const run = (args: string[], databaseUrl: string) =>
  spawnSync(process.execPath, [...TSX_NODE_ARGS, "scripts/token-create.ts", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    timeout: 60_000,
  });

describe("npm run token:create", () => {
  const db = useTestDatabase();

  it("prints only the token on stdout, says what it made on stderr, and records it in the person's name", async () => {
    const maya = await db.prisma.person.create({
      data: { email: "maya@acme.example", name: "Maya Manager", role: "manager" },
    });
    const made = run(
      ["--email", "Maya@Acme.example", "--name", "Backstage sync", "--expires-days", "30"],
      db.url,
    );
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^tdm_[A-Za-z0-9_-]{43}\n$/);
    expect(made.stderr).toMatch(
      /^Made the token "Backstage sync" of Maya Manager <maya@acme\.example>, valid until 20\d\d-/,
    );

    const caller = await authenticateToken(db.prisma, made.stdout.trim());
    expect(caller).toMatchObject({
      user: { id: maya.id, role: "manager" },
      token: { kind: "personal", name: "Backstage sync" },
    });
    const token = await db.prisma.apiToken.findUniqueOrThrow({ where: { id: caller!.token.id } });
    expect(token.expiresAt!.getTime() - token.createdAt.getTime()).toBe(30 * 86_400_000);
    expect(
      await db.prisma.auditEvent.findFirst({
        where: { action: "api-token.created", entityId: String(token.id) },
      }),
    ).toMatchObject({ actorId: maya.id });
  });

  it("refuses an unknown email, a person who left or has no role, and a wrong expiry, printing no token", async () => {
    await db.prisma.person.create({
      data: { email: "leo@acme.example", name: "Leo Leaver", role: "manager", deactivatedAt: new Date() },
    });
    await db.prisma.person.create({ data: { email: "olga@acme.example", name: "Olga Owner", role: "none" } });
    const refusals = [
      [["--email", "ghost@acme.example", "--name", "x"], "Nobody has the email ghost@acme.example."],
      [["--email", "leo@acme.example", "--name", "x"], "reactivate them first"],
      [["--email", "olga@acme.example", "--name", "x"], 'has the role "none"'],
      [["--email", "olga@acme.example", "--name", "x", "--expires-days", "forever"], "--expires-days:"],
      [["--mail", "x"], "Usage: npm run token:create"],
    ] as const;
    const tokensBefore = await db.prisma.apiToken.count();
    for (const [args, message] of refusals) {
      const refused = run([...args], db.url);
      expect(refused.status).toBe(1);
      expect(refused.stdout).toBe("");
      expect(refused.stderr).toContain(message);
    }
    expect(await db.prisma.apiToken.count()).toBe(tokensBefore);
  });

  it("--scim prints a SCIM token acting for the first admin still active (one who left is passed over), with no --email", async () => {
    await db.prisma.person.create({
      data: {
        email: "former.admin@acme.example",
        name: "Former Admin",
        role: "admin",
        deactivatedAt: new Date(),
      },
    });
    const noAdmin = run(["--scim", "--name", "Okta"], db.url);
    expect(noAdmin.status).toBe(1);
    expect(noAdmin.stdout).toBe("");
    expect(noAdmin.stderr).toContain("npm run admin:create");

    const admin = await db.prisma.person.create({
      data: { email: "ada.admin@acme.example", name: "Ada Admin", role: "admin" },
    });
    const made = run(["--scim", "--name", "Okta"], db.url);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^tdm_[A-Za-z0-9_-]{43}\n$/);
    expect(made.stderr).toMatch(
      /^Made the SCIM token "Okta", acting for Ada Admin <ada\.admin@acme\.example>, valid until revoked\./,
    );
    const caller = await authenticateToken(db.prisma, made.stdout.trim());
    expect(caller).toMatchObject({
      user: { id: admin.id, role: "admin" },
      token: { kind: "service", scim: true, name: "Okta" },
    });
    expect(
      await db.prisma.auditEvent.findFirst({
        where: { action: "api-token.created", entityId: String(caller!.token.id) },
      }),
    ).toMatchObject({ actorId: admin.id });

    for (const args of [
      ["--scim", "--email", "ada.admin@acme.example", "--name", "x"],
      ["--name", "x"],
    ]) {
      const refused = run(args, db.url);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain("Give either --email");
    }
  });
});
