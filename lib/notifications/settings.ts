import { z } from "zod";
import type { AuditEntry } from "@/lib/audit/record";
import { getPrisma, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { CONFIGURABLE_KINDS, KINDS, PERSON_CHANNELS, type ConfigurableKind, type PersonChannel } from "./kinds";

/**
 * The organisation's defaults of the preferences (what a person gets unless they chose otherwise) and the
 * reminder's lead time. Every kind's two channels are written each time, so the table always says what the
 * screen showed when it was saved, rather than leaving some kinds to Tandem's own defaults.
 */

type Tx = Prisma.TransactionClient;
type Audit = (entry: Omit<AuditEntry, "actorId">) => Promise<void>;

export type DefaultsTable = Record<ConfigurableKind, Record<PersonChannel, boolean>>;

const channelsSchema = z.object({ "in-app": z.boolean(), mail: z.boolean() });

export const notificationDefaultsSchema = z.object({
  defaults: z.object(Object.fromEntries(CONFIGURABLE_KINDS.map((kind) => [kind, channelsSchema])) as Record<ConfigurableKind, typeof channelsSchema>),
  reminderHoursBefore: z
    .number({ error: "Enter a whole number of hours." })
    .int("Enter a whole number of hours.")
    .min(1, "At least 1 hour.")
    .max(168, "At most 168 hours (a week)."),
});

export type NotificationDefaultsInput = z.output<typeof notificationDefaultsSchema>;

export interface NotificationSettings {
  defaults: DefaultsTable;
  reminderHoursBefore: number;
}

/** The defaults in force: the organisation's where set, Tandem's own otherwise. */
export async function readNotificationSettings(db: Db | Tx = getPrisma()): Promise<NotificationSettings> {
  const [rows, settings] = await Promise.all([
    db.notificationDefault.findMany({ select: { kind: true, channel: true, enabled: true } }),
    db.organisationSettings.findUnique({ where: { id: 1 }, select: { reminderHoursBefore: true } }),
  ]);
  const set = new Map(rows.map((row) => [`${row.kind}:${row.channel}`, row.enabled]));
  const defaults = Object.fromEntries(
    CONFIGURABLE_KINDS.map((kind) => [kind, Object.fromEntries(PERSON_CHANNELS.map((channel) => [channel, set.get(`${kind}:${channel}`) ?? KINDS[kind].defaults[channel]]))]),
  ) as DefaultsTable;
  // 24 hours is the column's default, for a database whose settings row was never written.
  return { defaults, reminderHoursBefore: settings?.reminderHoursBefore ?? 24 };
}

export async function updateNotificationSettings(tx: Tx, input: NotificationDefaultsInput, audit: Audit): Promise<NotificationSettings> {
  const before = await readNotificationSettings(tx);
  await tx.notificationDefault.deleteMany({});
  await tx.notificationDefault.createMany({
    data: CONFIGURABLE_KINDS.flatMap((kind) => PERSON_CHANNELS.map((channel) => ({ kind, channel, enabled: input.defaults[kind][channel] }))),
  });
  await tx.organisationSettings.upsert({ where: { id: 1 }, create: { id: 1, reminderHoursBefore: input.reminderHoursBefore }, update: { reminderHoursBefore: input.reminderHoursBefore } });
  const after: NotificationSettings = { defaults: input.defaults, reminderHoursBefore: input.reminderHoursBefore };
  await audit({ action: "notification-defaults.updated", entityType: "notification-defaults", entityId: 1, before, after });
  return after;
}
