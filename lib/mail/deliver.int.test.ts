import { createServer } from "node:net";
import type { AddressObject } from "mailparser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readEnvironment } from "@/lib/config/environment";
import { startSmtpTestServer, SMTP_TEST_PASSWORD, type SmtpTestServer } from "@/tools/testing/smtp-test-server";
import { useTestDatabase } from "@/tools/testing/test-database";
import { composeMail } from "./compose";
import { deliverMail, mailIsConfigured } from "./deliver";
import { getMailboxMessage, listMailboxMessages, MAILBOX_SIZE } from "./mailbox";

const LINK = "https://tandem.example.org/invite/3f9a?team=IT&x=<1>";
const invitation = (to = "maya@example.org") =>
  composeMail(to, {
    subject: "You are invited to Tandem",
    greeting: "Hello Maya & Tom,",
    paragraphs: ["Alex Morgan invited you to Tandem."],
    action: { label: "Accept the invitation", url: LINK },
    footer: ["This link works once, until 10 December 2026."],
  });

/** A port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("deliverMail", () => {
  const db = useTestDatabase();
  let smtp: SmtpTestServer;
  beforeAll(async () => {
    smtp = await startSmtpTestServer();
  });
  afterAll(async () => {
    await smtp?.close();
  });

  it("sends both parts from MAIL_FROM to the recipient through SMTP_URL, the link intact in each", async () => {
    const environment = readEnvironment({ SMTP_URL: smtp.url, MAIL_FROM: "Tandem at Acme <tandem@acme.example>" });
    expect(mailIsConfigured(environment)).toBe(true);
    expect(await deliverMail(invitation(), { environment, prisma: db.prisma })).toEqual({ status: "sent", kept: false });

    const received = await smtp.waitForMessage((message) => (message.to as AddressObject).text === "maya@example.org", 5_000);
    expect(received.subject).toBe("You are invited to Tandem");
    expect(received.from?.value).toEqual([{ name: "Tandem at Acme", address: "tandem@acme.example" }]);
    expect(received.text).toContain("Hello Maya & Tom,");
    expect(received.text?.split("\n")).toContain(LINK);
    const hrefs = [...String(received.html).matchAll(/href="([^"]+)"/g)].map(([, href]) => href!.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
    expect(hrefs).toEqual([LINK, LINK]);
    expect(await db.prisma.mailboxMessage.count()).toBe(0);
  });

  it("sends from Tandem at the public origin's host when MAIL_FROM is not set", async () => {
    const environment = readEnvironment({ SMTP_URL: smtp.url, AUTH_URL: "https://tandem.acme.example/" });
    await deliverMail(invitation("from@example.org"), { environment, prisma: db.prisma });
    const received = await smtp.waitForMessage((message) => (message.to as AddressObject).text === "from@example.org", 5_000);
    expect(received.from?.value).toEqual([{ name: "Tandem", address: "tandem@tandem.acme.example" }]);
  });

  it("answers failed, quickly and with a readable sentence, when the server refuses the password; the log never has it", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const environment = readEnvironment({ SMTP_URL: smtp.url.replace(SMTP_TEST_PASSWORD, "wrong-password") });
    const started = Date.now();
    const outcome = await deliverMail(invitation(), { environment, prisma: db.prisma });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(outcome).toEqual({ status: "failed", error: `The mail server 127.0.0.1:${smtp.port} refused Tandem's user name or password (SMTP_URL).`, kept: false });
    expect(errors).toHaveBeenCalled();
    expect(JSON.stringify(errors.mock.calls)).not.toMatch(/wrong-password|smtp-test-password/);
    errors.mockRestore();
  });

  it("answers failed when nothing listens at the address", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const port = await closedPort();
    const started = Date.now();
    const outcome = await deliverMail(invitation(), { environment: readEnvironment({ SMTP_URL: `smtp://u:p@127.0.0.1:${port}` }), prisma: db.prisma });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(outcome).toEqual({ status: "failed", error: `Tandem could not reach the mail server 127.0.0.1:${port}.`, kept: false });
    errors.mockRestore();
  });

  it("answers failed within the timeouts when the server accepts the connection but never greets", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    const started = Date.now();
    const outcome = await deliverMail(invitation(), { environment: readEnvironment({ SMTP_URL: `smtp://u:p@127.0.0.1:${port}` }), prisma: db.prisma });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(outcome).toEqual({ status: "failed", error: `The mail server 127.0.0.1:${port} did not answer in time.`, kept: false });
    errors.mockRestore();
    await new Promise((resolve) => silent.close(resolve));
  });

  it("answers not-configured without SMTP_URL, and sends nothing", async () => {
    const environment = readEnvironment({});
    expect(mailIsConfigured(environment)).toBe(false);
    const before = smtp.messages.length;
    expect(await deliverMail(invitation(), { environment, prisma: db.prisma })).toEqual({ status: "not-configured", kept: false });
    expect(smtp.messages.length).toBe(before);
  });

  it("keeps every message in the mailbox when TANDEM_MAILBOX is true, sent or not", async () => {
    const sent = await deliverMail(invitation("kept@example.org"), { environment: readEnvironment({ SMTP_URL: smtp.url, TANDEM_MAILBOX: "true" }), prisma: db.prisma });
    expect(sent).toEqual({ status: "sent", kept: true });
    const unsent = await deliverMail(invitation("unsent@example.org"), { environment: readEnvironment({ TANDEM_MAILBOX: "true" }), prisma: db.prisma });
    expect(unsent).toEqual({ status: "not-configured", kept: true });

    const [newest, older] = await listMailboxMessages(db.prisma, { limit: 10 });
    expect([newest?.to, older?.to]).toEqual(["unsent@example.org", "kept@example.org"]);
    const stored = await getMailboxMessage(db.prisma, newest!.id);
    expect(stored).toMatchObject({ to: "unsent@example.org", subject: "You are invited to Tandem", text: invitation().text, html: invitation().html });
    expect(await getMailboxMessage(db.prisma, 999_999)).toBeNull();
  });

  it("keeps only the latest MAILBOX_SIZE messages", async () => {
    await db.prisma.mailboxMessage.deleteMany();
    await db.prisma.mailboxMessage.createMany({ data: Array.from({ length: MAILBOX_SIZE }, (_, index) => ({ to: `old${index}@example.org`, subject: "Old", text: "", html: "" })) });
    await deliverMail(invitation("newest@example.org"), { environment: readEnvironment({ TANDEM_MAILBOX: "true" }), prisma: db.prisma });

    expect(await db.prisma.mailboxMessage.count()).toBe(MAILBOX_SIZE);
    const kept = await listMailboxMessages(db.prisma, { limit: MAILBOX_SIZE });
    expect(kept[0]?.to).toBe("newest@example.org");
    expect(kept.at(-1)?.to).toBe("old1@example.org");
    expect(kept.some((message) => message.to === "old0@example.org")).toBe(false);
  });
});
