import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TSX_NODE_ARGS } from "@/lib/commands/next-process";
import { startSmtpTestServer, type SmtpTestServer } from "@/tools/testing/smtp-test-server";
import { useTestDatabase } from "@/tools/testing/test-database";

/**
 * `npm run worker`, killed in the middle of a delivery: the mail server has the message but has not answered
 * when the worker dies, so the message was never sent. Another worker takes the delivery over once its lease
 * has run out, and the message arrives exactly once.
 */
describe("npm run worker", () => {
  const db = useTestDatabase();
  let smtp: SmtpTestServer;
  let holding: ((accepted: boolean) => void) | undefined;
  const arrivals: ParsedMail[] = [];
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    smtp = await startSmtpTestServer({
      accept: (message) => {
        arrivals.push(message);
        // The first attempt is held unanswered: its worker is killed meanwhile.
        return arrivals.length === 1 ? new Promise((resolve) => (holding = resolve)) : Promise.resolve(true);
      },
    });
  });
  afterAll(async () => {
    for (const worker of workers) worker.kill("SIGKILL");
    holding?.(false);
    await smtp?.close();
  });

  const startWorker = () => {
    const child = spawn(process.execPath, [...TSX_NODE_ARGS, "scripts/worker.ts"], {
      env: { ...process.env, DATABASE_URL: db.url, SMTP_URL: smtp.url, AUTH_URL: "https://tandem.acme.example", AUTH_SECRET: "worker-test-secret-not-for-production-00000", TANDEM_MAILBOX: "false" },
      stdio: "ignore",
    });
    workers.push(child);
    return child;
  };

  it("a delivery whose worker died mid-send is sent once, by the next worker", async () => {
    const person = await db.prisma.person.create({ data: { email: "maya@acme.example", name: "Maya", role: "manager" } });
    await db.prisma.notification.create({
      data: { kind: "test", personId: person.id, dedupeKey: "worker-crash", title: "Worker crash", body: "Body", link: "/", deliveries: { create: { channel: "mail", target: person.email } } },
    });
    const first = startWorker();
    await expect.poll(() => arrivals.length, { timeout: 60_000 }).toBe(1);
    first.kill("SIGKILL");
    await once(first, "exit");
    holding!(false);
    expect((await db.prisma.delivery.findFirstOrThrow()).status).toBe("sending");
    // Its lease of two minutes, run out.
    await db.prisma.delivery.updateMany({ data: { lockedUntil: new Date(Date.now() - 1000) } });

    const second = startWorker();
    await smtp.waitForMessage((message) => message.subject === "Worker crash", 60_000);
    await expect.poll(async () => (await db.prisma.delivery.findFirstOrThrow()).status, { timeout: 20_000 }).toBe("sent");
    expect(smtp.messages.filter((message) => message.subject === "Worker crash")).toHaveLength(1);
    expect((await db.prisma.delivery.findFirstOrThrow()).attempts).toBe(2);
    second.kill("SIGTERM");
    await once(second, "exit");
  }, 120_000);
});
