import { execFile } from "node:child_process";
import type { AddressObject } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TSX_NODE_ARGS } from "@/lib/commands/next-process";
import { seedReviewFixture } from "@/tools/testing/review-fixture";
import { startSmtpTestServer, type SmtpTestServer } from "@/tools/testing/smtp-test-server";
import { useTestDatabase } from "@/tools/testing/test-database";

/** `npm run jobs -- run-due --at ...` through pg-boss, on the demo seeded as of Wednesday 25 November 2026 (UTC). */
describe("npm run jobs -- run-due", () => {
  const db = useTestDatabase();
  let smtp: SmtpTestServer;
  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    await seedReviewFixture(db.prisma);
  }, 60_000);
  afterAll(async () => {
    await smtp?.close();
  });

  // Asynchronously: the SMTP server it delivers to runs in this process and must keep answering meanwhile.
  const runDue = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [...TSX_NODE_ARGS, "scripts/jobs.ts", ...args],
        { env: { ...process.env, DATABASE_URL: db.url, SMTP_URL: smtp.url, AUTH_URL: "https://tandem.acme.example", AUTH_SECRET: "jobs-test-secret-not-for-production-0000000", TANDEM_MAILBOX: "false" }, timeout: 120_000 },
        (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
      );
    });

  it("at Monday 09:00 delivers each manager one mail for their review; played again, nothing more", async () => {
    const first = await runDue("run-due", "--at", "2026-11-30T09:00:00Z");
    expect(first.stderr).not.toMatch(/failed|Error/);
    expect(first.status).toBe(0);
    // The week's opening and digest, and the reminder and overdue runs of the week before, never run on this database.
    expect(first.stdout).toMatch(/ran 4 scheduled jobs; delivered \d+, 0 to retry, 0 failed/);
    const managers = await db.prisma.person.findMany({ where: { role: "manager", deactivatedAt: null }, select: { email: true } });
    const opened = () => smtp.messages.filter((mail) => /the review of 2026-W49 is open/.test(mail.subject ?? ""));
    expect(opened().map((mail) => (mail.to as AddressObject).value[0]!.address).sort()).toEqual(managers.map((manager) => manager.email).sort());
    expect(opened()[0]!.text).toContain("https://tandem.acme.example/review");

    const again = await runDue("run-due", "--at", "2026-11-30T09:30:00Z");
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("ran 0 scheduled jobs; delivered 0");
    expect(opened()).toHaveLength(managers.length);
  });

  it("refuses an instant without its offset", async () => {
    const refused = await runDue("run-due", "--at", "2026-11-30 09:00");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("--at must be an instant with its offset");
  });
});
