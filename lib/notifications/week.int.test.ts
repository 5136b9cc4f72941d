import type { AddressObject, ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { confirmAllUnchanged } from "@/lib/review/item-actions";
import { submitReview } from "@/lib/review/submit";
import { asReviewWrite, openTeamReview, seedReviewFixture, type ReviewFixture } from "@/tools/testing/review-fixture";
import { startSmtpTestServer, type SmtpTestServer } from "@/tools/testing/smtp-test-server";
import { useTestDatabase } from "@/tools/testing/test-database";
import { claimDeliveries, deliverDue } from "./outbox";
import { runScheduledJob } from "./weekly";

/**
 * A week of scheduled messages on the demo (seeded as of Wednesday 25 November 2026, in week 48), played through
 * a real SMTP server: who gets what, when, with working links, each exactly once.
 */

const AUTH_URL = "https://tandem.acme.example";
const WEEK = "2026-W49";
// The demo's time zone is UTC: the week opens Monday 00:00Z, is due Friday 23:59:59.999Z.
const MONDAY_9 = new Date("2026-11-30T09:00:00Z");
const THURSDAY_EVENING = new Date("2026-12-03T23:00:01Z");
const SATURDAY = new Date("2026-12-05T09:00:00Z");

const recipients = (mails: readonly ParsedMail[]) => mails.map((mail) => (mail.to as AddressObject).value[0]!.address!).sort();

describe("a week of notifications", () => {
  const db = useTestDatabase();
  let smtp: SmtpTestServer;
  let fixture: ReviewFixture;
  let managers: { email: string; teamId: number | null }[];
  const mailsAbout = (subject: RegExp) => smtp.messages.filter((mail) => subject.test(mail.subject ?? ""));

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("AUTH_URL", AUTH_URL);
    vi.stubEnv("AUTH_SECRET", "week-test-secret-not-for-production-000000");
    vi.stubEnv("TANDEM_MAILBOX", "false");
    fixture = await seedReviewFixture(db.prisma);
    managers = await db.prisma.person.findMany({ where: { role: "manager", deactivatedAt: null }, select: { email: true, teamId: true } });
  }, 60_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await smtp?.close();
  });

  it("Monday: each manager gets one mail for their team's review, with a working link and a one-click unsubscribe", async () => {
    expect(await runScheduledJob({ kind: "week-opened", isoWeek: WEEK }, MONDAY_9, db.prisma)).toBeGreaterThan(0);
    expect(await deliverDue(db.prisma, { now: MONDAY_9 })).toMatchObject({ failed: 0, retrying: 0 });
    const opened = mailsAbout(/the review of 2026-W49 is open/);
    expect(recipients(opened)).toEqual(managers.map((manager) => manager.email).sort());
    const mail = opened[0]!;
    expect(mail.text).toContain(`${AUTH_URL}/review`);
    const header = (name: string) => mail.headerLines.find((line) => line.key === name)?.line.replace(/\r\n\s+/g, " ");
    expect(header("list-unsubscribe")).toMatch(new RegExp(`^List-Unsubscribe: <${AUTH_URL}/api/unsubscribe\\?token=[^>]+>$`));
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    // In the app too.
    expect(await db.prisma.notification.count({ where: { kind: "week_opened", inApp: true } })).toBe(managers.length);

    // Played again (a retry, a second worker): nothing new, nothing sent twice.
    expect(await runScheduledJob({ kind: "week-opened", isoWeek: WEEK }, MONDAY_9, db.prisma)).toBe(0);
    await deliverDue(db.prisma, { now: MONDAY_9 });
    expect(mailsAbout(/the review of 2026-W49 is open/)).toHaveLength(managers.length);
  });

  it("Monday: the digest goes to those who opted in, and only to them", async () => {
    const viewer = await db.prisma.person.findUniqueOrThrow({ where: { id: fixture.users.viewer.id } });
    await db.prisma.notificationPreference.create({ data: { personId: viewer.id, kind: "weekly_digest", channel: "mail", enabled: true } });
    await runScheduledJob({ kind: "weekly-digest", isoWeek: WEEK }, MONDAY_9, db.prisma);
    await deliverDue(db.prisma, { now: MONDAY_9 });
    const digests = mailsAbout(/^Tandem's week 2026-W49/);
    expect(recipients(digests)).toEqual([viewer.email]);
    expect(digests[0]!.text).toMatch(/Coverage: all [\d.]+% \(a week ago [\d.]+%\)/);
    expect(digests[0]!.text).toContain("Top gaps:\n- ");
    expect(digests[0]!.text).toContain(`${AUTH_URL}/report`);
  });

  it("Thursday: the reminder goes to managers who have not submitted, by mail only to those who want it", async () => {
    const itManager = fixture.users.itManager;
    const reviewId = await openTeamReview(db.prisma, itManager, itManager.teamId!, MONDAY_9);
    await asReviewWrite(db.prisma, itManager, reviewId, (tx, review, audit) => confirmAllUnchanged(tx, itManager, review, audit, MONDAY_9));
    await asReviewWrite(db.prisma, itManager, reviewId, (tx, review, audit) => submitReview(tx, itManager, review, audit, MONDAY_9));
    const marketing = await db.prisma.person.findUniqueOrThrow({ where: { id: fixture.users.marketingManager.id } });
    await db.prisma.notificationPreference.create({ data: { personId: marketing.id, kind: "review_reminder", channel: "mail", enabled: false } });

    await runScheduledJob({ kind: "review-reminder", isoWeek: WEEK }, THURSDAY_EVENING, db.prisma);
    await deliverDue(db.prisma, { now: THURSDAY_EVENING });
    const reminded = recipients(mailsAbout(/^Reminder: /));
    const itEmail = (await db.prisma.person.findUniqueOrThrow({ where: { id: itManager.id } })).email;
    expect(reminded).not.toContain(itEmail);
    expect(reminded).not.toContain(marketing.email);
    expect(reminded.length).toBeGreaterThan(0);
    // The manager who turned the mail off still has it in the app.
    expect(await db.prisma.notification.count({ where: { kind: "review_reminder", personId: marketing.id, inApp: true } })).toBe(1);
  });

  it("Saturday: overdue reviews go to their managers and the admins", async () => {
    await runScheduledJob({ kind: "review-overdue", isoWeek: WEEK }, SATURDAY, db.prisma);
    await deliverDue(db.prisma, { now: SATURDAY });
    const admins = await db.prisma.person.findMany({ where: { role: "admin", deactivatedAt: null }, select: { email: true } });
    const summary = mailsAbout(/reviews? of 2026-W49 overdue$/);
    expect(recipients(summary)).toEqual(admins.map((admin) => admin.email).sort());
    // Web Platform submitted on Monday: it is not in the list.
    expect(summary[0]!.text).not.toContain("- Web Platform:");
  });

  it("two workers deliver each message once, and a delivery whose worker died is taken over after its lease", async () => {
    const before = smtp.messages.length;
    await db.prisma.$transaction((tx) =>
      tx.notification.create({
        data: { kind: "test", personId: fixture.users.admin.id, dedupeKey: "crash-test", title: "Crash test", body: "Body", link: "/", deliveries: { create: { channel: "mail", target: "crash@acme.example" } } },
      }),
    );
    // A worker claims it, then dies before sending.
    expect(await claimDeliveries(db.prisma, new Date(), 10)).toHaveLength(1);
    expect(await deliverDue(db.prisma)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const later = new Date(Date.now() + 3 * 60_000);
    const [first, second] = await Promise.all([deliverDue(db.prisma, { now: later }), deliverDue(db.prisma, { now: later })]);
    expect(first.sent + second.sent).toBe(1);
    await smtp.waitForMessage((mail) => mail.subject === "Crash test");
    expect(smtp.messages.length - before).toBe(1);
  });
});
