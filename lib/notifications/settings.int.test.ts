import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import type { Prisma } from "@/lib/db/generated/client";
import { useTestDatabase } from "@/tools/testing/test-database";
import { decryptWebhookUrl } from "./chat";
import { CONFIGURABLE_KINDS, KINDS } from "./kinds";
import { loadPreferences } from "./preferences";
import { notificationDefaultsSchema, readNotificationSettings, updateNotificationSettings, type DefaultsTable } from "./settings";
import { listWebhookSlots, removeChatWebhook, setChatWebhook, setWebhookSchema } from "./webhooks";

/** The writes of Settings -> Notifications, with their audit events: never a webhook's URL, only its hint. */

const SLACK_URL = "https://hooks.slack.com/services/T0001/B0002/VerySecretTokenZ9y8";
const TEAMS_URL = "https://prod-42.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=SecretSigQ7w6";

describe("notification settings", () => {
  const db = useTestDatabase();
  let adminId: number;
  let teamId: number;

  beforeAll(async () => {
    vi.stubEnv("AUTH_SECRET", "integration-secret-of-at-least-32-bytes");
    adminId = (await db.prisma.person.create({ data: { email: "alice@acme.example", name: "Alice Admin", role: "admin" } })).id;
    teamId = (await db.prisma.team.create({ data: { name: "Web Platform", function: "it" } })).id;
  });
  afterAll(() => vi.unstubAllEnvs());

  const asAdmin = <T>(write: (tx: Prisma.TransactionClient, audit: (entry: Omit<AuditEntry, "actorId">) => Promise<void>) => Promise<T>) =>
    db.prisma.$transaction((tx) => write(tx, (entry) => recordAudit(tx, { ...entry, actorId: adminId })));
  const auditText = async () => JSON.stringify(await db.prisma.auditEvent.findMany({ where: { entityType: "chat-webhook" }, orderBy: { id: "asc" } }));

  it("sets, replaces and removes webhooks, stored encrypted and audited by their hint only", async () => {
    await asAdmin((tx, audit) => setChatWebhook(tx, { teamId: null, format: "slack", url: SLACK_URL }, audit));
    await asAdmin((tx, audit) => setChatWebhook(tx, { teamId, format: "slack", url: SLACK_URL }, audit));
    const replaced = await asAdmin((tx, audit) => setChatWebhook(tx, { teamId, format: "teams", url: TEAMS_URL }, audit));
    expect(replaced.urlHint).toBe("prod-42.westeurope.logic.azure.com/…Q7w6");

    const rows = await db.prisma.chatWebhook.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.teamId, row.format])).toEqual([[null, "slack"], [teamId, "teams"]]);
    expect(rows.map((row) => decryptWebhookUrl(row.urlCiphertext))).toEqual([SLACK_URL, TEAMS_URL]);
    for (const row of rows) expect(row.urlCiphertext).not.toMatch(/hooks\.slack|azure|Secret/);

    const slots = await listWebhookSlots(db.prisma);
    expect(slots.map((slot) => [slot.destination, slot.webhook?.urlHint ?? null])).toEqual([
      ["Organisation", "hooks.slack.com/…Z9y8"],
      ["Web Platform", "prod-42.westeurope.logic.azure.com/…Q7w6"],
    ]);

    await asAdmin((tx, audit) => removeChatWebhook(tx, { teamId }, audit));
    expect(await db.prisma.chatWebhook.count()).toBe(1);
    await expect(asAdmin((tx, audit) => removeChatWebhook(tx, { teamId }, audit))).rejects.toMatchObject({ code: "not-found" });

    const events = await db.prisma.auditEvent.findMany({ where: { entityType: "chat-webhook" }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["chat-webhook.set", "chat-webhook.set", "chat-webhook.set", "chat-webhook.removed"]);
    expect(events[2]).toMatchObject({
      actorId: adminId,
      before: { destination: "Web Platform", format: "slack", urlHint: "hooks.slack.com/…Z9y8" },
      after: { destination: "Web Platform", format: "teams", urlHint: "prod-42.westeurope.logic.azure.com/…Q7w6" },
    });
    const text = await auditText();
    for (const secret of ["VerySecretToken", "SecretSig", "/services/", "/workflows/"]) expect(text).not.toContain(secret);
  });

  it("accepts only http(s) webhook URLs", () => {
    const result = setWebhookSchema.safeParse({ teamId: null, format: "slack", url: "javascript:alert(1)" });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["url", "Give an http:// or https:// address."]]);
    expect(setWebhookSchema.safeParse({ teamId: null, format: "discord", url: SLACK_URL }).success).toBe(false);
  });

  it("writes the organisation's defaults and the reminder hours, which people without a choice then get", async () => {
    const before = await readNotificationSettings(db.prisma);
    expect(before.reminderHoursBefore).toBe(24);
    expect(before.defaults.weekly_digest).toEqual(KINDS.weekly_digest.defaults);

    const defaults = Object.fromEntries(CONFIGURABLE_KINDS.map((kind) => [kind, { ...KINDS[kind].defaults }])) as DefaultsTable;
    defaults.weekly_digest.mail = true;
    defaults.review_reminder["in-app"] = false;
    await asAdmin((tx, audit) => updateNotificationSettings(tx, { defaults, reminderHoursBefore: 48 }, audit));

    expect(await readNotificationSettings(db.prisma)).toEqual({ defaults, reminderHoursBefore: 48 });
    expect(await db.prisma.notificationDefault.count()).toBe(CONFIGURABLE_KINDS.length * 2);
    const wants = await loadPreferences(db.prisma, [adminId]);
    expect([wants(adminId, "weekly_digest", "mail"), wants(adminId, "review_reminder", "in-app")]).toEqual([true, false]);

    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "notification-defaults.updated" } });
    expect(event).toMatchObject({ actorId: adminId, before: { reminderHoursBefore: 24 }, after: { reminderHoursBefore: 48, defaults: { weekly_digest: { mail: true } } } });
  });

  it("refuses reminder hours outside 1..168 and a kind left out", () => {
    const defaults = Object.fromEntries(CONFIGURABLE_KINDS.map((kind) => [kind, KINDS[kind].defaults]));
    expect(notificationDefaultsSchema.safeParse({ defaults, reminderHoursBefore: 169 }).error?.issues[0]?.path).toEqual(["reminderHoursBefore"]);
    expect(notificationDefaultsSchema.safeParse({ defaults, reminderHoursBefore: 0 }).success).toBe(false);
    const { weekly_digest: _left, ...partial } = defaults;
    expect(notificationDefaultsSchema.safeParse({ defaults: partial, reminderHoursBefore: 24 }).success).toBe(false);
  });
});
