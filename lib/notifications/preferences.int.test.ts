import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tools/testing/test-database";
import { listPreferenceChoices, loadPreferences, savePreferences } from "./preferences";
import { preferenceChangesSchema } from "./schemas";

/** Issue 16, item 3: preferences per person, kind and channel, over the organisation's defaults and Tandem's. */
describe("notification preferences", () => {
  const db = useTestDatabase();
  let counter = 0;
  const newPerson = () => db.prisma.person.create({ data: { email: `prefs-${++counter}@example.org`, name: `Prefs ${counter}`, role: "manager" } });
  const save = (personId: number, changes: unknown) => db.prisma.$transaction((tx) => savePreferences(tx, personId, preferenceChangesSchema.parse(changes), personId));

  it("resolves the person's choice, else the organisation's default, else Tandem's", async () => {
    const [me, someoneElse] = [await newPerson(), await newPerson()];
    const before = await loadPreferences(db.prisma, [me.id, someoneElse.id]);
    expect(before(me.id, "weekly_digest", "mail")).toBe(false);
    expect(before(me.id, "handoff_received", "mail")).toBe(true);

    await db.prisma.notificationDefault.create({ data: { kind: "handoff_received", channel: "mail", enabled: false } });
    await save(me.id, [{ kind: "weekly_digest", channel: "mail", enabled: true }]);
    const after = await loadPreferences(db.prisma, [me.id, someoneElse.id]);
    expect(after(me.id, "weekly_digest", "mail")).toBe(true);
    expect(after(someoneElse.id, "weekly_digest", "mail")).toBe(false);
    expect(after(me.id, "handoff_received", "mail")).toBe(false);
    expect(after(me.id, "handoff_received", "in-app")).toBe(true);

    // The screen names where each value comes from.
    const choices = await listPreferenceChoices(me.id, db.prisma);
    const choiceOf = (kind: string) => choices.find((entry) => entry.kind === kind)!.channels;
    expect(choiceOf("weekly_digest").mail).toEqual({ enabled: true, orgDefault: false, chosen: true });
    expect(choiceOf("handoff_received").mail).toEqual({ enabled: false, orgDefault: false, chosen: false });
    expect(choiceOf("handoff_received")["in-app"]).toEqual({ enabled: true, orgDefault: true, chosen: false });
    expect(choices.map((entry) => entry.kind)).not.toContain("test");

    // The person's own choice wins over the organisation's default, a choice equal to it too.
    await save(me.id, [{ kind: "handoff_received", channel: "mail", enabled: true }]);
    expect((await loadPreferences(db.prisma, [me.id]))(me.id, "handoff_received", "mail")).toBe(true);
    await db.prisma.notificationDefault.deleteMany();
  });

  it("saves choices with one audit event, and stores nothing when nothing changes", async () => {
    const me = await newPerson();
    const changes = [
      { kind: "review_reminder", channel: "in-app", enabled: false },
      { kind: "holder_left", channel: "mail", enabled: true },
    ];
    expect(await save(me.id, changes)).toEqual({ stored: 2 });
    const stored = await db.prisma.notificationPreference.findMany({ where: { personId: me.id }, orderBy: { kind: "asc" } });
    expect(stored.map(({ kind, channel, enabled }) => ({ kind, channel, enabled }))).toEqual(
      expect.arrayContaining(changes.map((change) => expect.objectContaining(change))),
    );
    const [event, ...others] = await db.prisma.auditEvent.findMany({ where: { action: "notification-preference.changed", entityId: String(me.id) } });
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      actorId: me.id,
      before: [
        { kind: "review_reminder", channel: "in-app", enabled: true },
        { kind: "holder_left", channel: "mail", enabled: true },
      ],
      after: changes,
    });
    expect(await save(me.id, changes)).toEqual({ stored: 0 });
    expect(await db.prisma.auditEvent.count({ where: { action: "notification-preference.changed", entityId: String(me.id) } })).toBe(1);
  });

  it("refuses what is not a list of known kinds and channels, each once", () => {
    const refuses = (value: unknown) => !preferenceChangesSchema.safeParse(value).success;
    expect(refuses([])).toBe(true);
    expect(refuses({ kind: "weekly_digest", channel: "mail", enabled: true })).toBe(true);
    expect(refuses([{ kind: "test", channel: "mail", enabled: true }])).toBe(true);
    expect(refuses([{ kind: "weekly_digest", channel: "chat", enabled: true }])).toBe(true);
    expect(refuses([{ kind: "weekly_digest", channel: "mail", enabled: "yes" }])).toBe(true);
    expect(refuses([{ kind: "weekly_digest", channel: "mail", enabled: true, personId: 1 }])).toBe(true);
    expect(refuses([{ kind: "weekly_digest", channel: "mail", enabled: true }, { kind: "weekly_digest", channel: "mail", enabled: false }])).toBe(true);
    expect(refuses([{ kind: "weekly_digest", channel: "mail", enabled: true }])).toBe(false);
  });
});
