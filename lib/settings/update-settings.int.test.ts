import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import type { PolicyUser } from "@/lib/auth/policy";
import { ensureDefaultCatalog } from "@/lib/catalog/default-catalog";
import { useTestDatabase } from "@/tools/testing/test-database";
import { settingsSchema, updateSettings } from "./update-settings";

const valid = { name: "Acme", timeZone: "Europe/Berlin", staleAfterDays: 14, overloadHighCriticalCells: 10, overloadConcernSharePct: 30, overloadConcernMinCells: 12 };
const user = (role: PolicyUser["role"]): PolicyUser => ({ id: 1, role, teamId: null, teamFunction: null });

describe("updateSettings", () => {
  const db = useTestDatabase();

  const run = (who: PolicyUser) =>
    db.prisma.$transaction((tx) => updateSettings(tx, who, valid, (entry) => recordAudit(tx, { ...entry, actorId: null })));

  it("lets an admin change the time zone and thresholds, with an audit event", async () => {
    await ensureDefaultCatalog(db.prisma);
    await run(user("admin"));
    expect(await db.prisma.organisationSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject(valid);
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "settings.updated" } });
    expect(event.before).toMatchObject({ timeZone: "UTC", staleAfterDays: 28 });
    expect(event.after).toMatchObject({ timeZone: "Europe/Berlin" });
  });

  it("rejects an unknown time zone and out-of-range thresholds", () => {
    const result = settingsSchema.safeParse({ ...valid, timeZone: "Mars/Olympus", overloadConcernSharePct: 150, staleAfterDays: 2.5 });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join(".")).sort()).toEqual(["overloadConcernSharePct", "staleAfterDays", "timeZone"]);
  });
});
