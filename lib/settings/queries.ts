import "server-only";
import { getPrisma, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from "@/lib/rules";

/**
 * The organisation's settings, read here only. The row may not exist yet (a database migrated but never
 * set up, or the default catalog not created): the defaults below, the columns' defaults in
 * schema.prisma, stand in for it, so that reading never has to write.
 */
export interface OrganisationSettings extends RuleSettings {
  name: string;
}

type Reader = Db | Prisma.TransactionClient;

export const DEFAULT_SETTINGS: Readonly<OrganisationSettings> = Object.freeze({ name: "My organisation", ...DEFAULT_RULE_SETTINGS });

const SETTINGS_FIELDS = {
  name: true,
  timeZone: true,
  staleAfterDays: true,
  overloadHighCriticalCells: true,
  overloadConcernSharePct: true,
  overloadConcernMinCells: true,
} as const;

export async function readOrganisationSettings(db: Reader = getPrisma()): Promise<OrganisationSettings> {
  return (await db.organisationSettings.findUnique({ where: { id: 1 }, select: SETTINGS_FIELDS })) ?? { ...DEFAULT_SETTINGS };
}

/** The thresholds of the gap rules (DESIGN.md section 3) and the calendar they count days in. */
export async function readRuleSettings(db: Reader): Promise<RuleSettings> {
  const { name: _name, ...rules } = await readOrganisationSettings(db);
  return rules;
}

/** The time zone the weekly review's days and due times are counted in. */
export async function readTimeZone(db: Reader = getPrisma()): Promise<string> {
  const row = await db.organisationSettings.findUnique({ where: { id: 1 }, select: { timeZone: true } });
  return row?.timeZone ?? DEFAULT_SETTINGS.timeZone;
}

export async function getOrganisationName(): Promise<string> {
  const row = await getPrisma().organisationSettings.findUnique({ where: { id: 1 }, select: { name: true } });
  return row?.name ?? DEFAULT_SETTINGS.name;
}

/** How many hours before the review's due time its reminder goes out (Settings -> Notifications). */
export async function readReminderHoursBefore(db: Reader = getPrisma()): Promise<number> {
  const row = await db.organisationSettings.findUnique({ where: { id: 1 }, select: { reminderHoursBefore: true } });
  return row?.reminderHoursBefore ?? 24;
}
