import { z } from "zod";
import type { AuditEntry } from "@/lib/audit/record";
import type { PolicyUser } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/client";
import { isValidTimeZone } from "@/lib/review/iso-week";

const whole = (min: number, max: number) =>
  z.number({ error: "Enter a whole number." }).int("Enter a whole number.").min(min, `At least ${min}.`).max(max, `At most ${max}.`);

export const settingsSchema = z.object({
  name: z.string().trim().min(1, "Give the organisation a name.").max(200, "At most 200 characters."),
  timeZone: z.string().trim().max(64).refine(isValidTimeZone, "Not a time zone: use a name such as Europe/Berlin or UTC."),
  staleAfterDays: whole(1, 365),
  overloadHighCriticalCells: whole(1, 100_000),
  overloadConcernSharePct: whole(1, 100),
  overloadConcernMinCells: whole(1, 100_000),
});

export type SettingsInput = z.output<typeof settingsSchema>;

/** Admins change the organisation's settings (the route's policy); the thresholds are those of DESIGN.md section 3. */
export async function updateSettings(
  tx: Prisma.TransactionClient,
  user: PolicyUser,
  input: SettingsInput,
  audit: (entry: Omit<AuditEntry, "actorId">) => Promise<void>,
) {
  const before = await tx.organisationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
  const after = await tx.organisationSettings.update({ where: { id: 1 }, data: input });
  const { updatedAt: _b, ...beforeValues } = before;
  const { updatedAt: _a, ...afterValues } = after;
  await audit({ action: "settings.updated", entityType: "settings", entityId: 1, before: beforeValues, after: afterValues });
  return afterValues;
}
