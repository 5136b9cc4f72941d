import type { AddressObject } from "mailparser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { startSmtpTestServer, type SmtpTestServer } from "@/tools/testing/smtp-test-server";
import { useTestDatabase } from "@/tools/testing/test-database";
import { mailInvitations, mailPasswordReset } from "./account-mail";
import { choosePassword } from "./choose-password";
import { invitePeople } from "./invitations";
import { requestPasswordReset } from "./password-reset";

/** The mail of one-time links, through a real SMTP server: to whom, about what, and a link that works. */

const AUTH_URL = "https://tandem.acme.example";
const sentTo = (address: string) => (message: { to?: AddressObject | AddressObject[] }) => JSON.stringify(message.to ?? "").includes(address);
const tokenOf = (text: string | undefined) => text?.match(/^https:\/\/tandem\.acme\.example\/set-password\?token=([A-Za-z0-9_-]{43})$/m)?.[1];

describe("the mail of invitations and resets", () => {
  const db = useTestDatabase();
  let smtp: SmtpTestServer;
  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    // What the running app reads: its database, its mail server, its public origin.
    vi.stubEnv("DATABASE_URL", db.url);
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("AUTH_URL", AUTH_URL);
    vi.stubEnv("TANDEM_MAILBOX", "false");
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await smtp?.close();
  });

  it("mails each invitation with a link on the public origin that lets its person in", async () => {
    await db.prisma.organisationSettings.upsert({ where: { id: 1 }, create: { id: 1, name: "Acme" }, update: { name: "Acme" } });
    const admin = await db.prisma.person.create({ data: { email: "alice@acme.example", name: "Alice Founder", role: "admin", passwordHash: "x" } });
    await db.prisma.person.create({ data: { email: "maya@acme.example", name: "Maya Manager", role: "manager" } });
    const invitations = await db.prisma.$transaction((tx) => invitePeople(tx, admin.id, { everyoneNotYetInvited: true }, (entry) => recordAudit(tx, { ...entry, actorId: admin.id })));

    const [delivery] = await mailInvitations(invitations, admin.name);
    expect(delivery).toMatchObject({ email: "maya@acme.example", outcome: { status: "sent" }, link: null });
    const mail = await smtp.waitForMessage(sentTo("maya@acme.example"));
    expect(mail.subject).toBe("Alice Founder invited you to Tandem for Acme");
    expect(mail.text).toContain("Hello Maya Manager,");
    const token = tokenOf(mail.text);
    expect(token).toBe(invitations[0]!.link.token);
    expect(mail.html).toContain(`href="${AUTH_URL}/set-password?token=${token}"`);
    expect(await choosePassword({ token: token!, password: "harbour lantern copper 9" }, { db: db.prisma })).toEqual({ email: "maya@acme.example" });
  });

  it("mails a reset link, and gives the admin the link when the mail server refuses", async () => {
    const outcome = await requestPasswordReset("maya@acme.example", null, { db: db.prisma });
    if (outcome.kind !== "accepted" || !outcome.reset) throw new Error("expected a reset");
    expect(await mailPasswordReset(outcome.reset)).toMatchObject({ status: "sent" });
    const mail = await smtp.waitForMessage((message) => sentTo("maya@acme.example")(message) && message.subject === "Choose a new password for Tandem");
    expect(tokenOf(mail.text)).toBe(outcome.reset.link.token);

    vi.stubEnv("SMTP_URL", smtp.url.replace(/:[^:@]+@/, ":wrong-password@"));
    await db.prisma.person.create({ data: { email: "tom@acme.example", name: "Tom Viewer", role: "viewer" } });
    const admin = await db.prisma.person.findUniqueOrThrow({ where: { email: "alice@acme.example" } });
    const invitations = await db.prisma.$transaction((tx) => invitePeople(tx, admin.id, { everyoneNotYetInvited: true }, (entry) => recordAudit(tx, { ...entry, actorId: admin.id })));
    const [refused] = await mailInvitations(invitations, admin.name);
    expect(refused!.outcome.status).toBe("failed");
    expect(refused!.link).toBe(`${AUTH_URL}${invitations[0]!.link.path}`);
  });
});
