import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { useTestDatabase } from "@/tools/testing/test-database";
import { loadPreferences } from "./preferences";
import { describeUnsubscribe, readUnsubscribeToken, unsubscribe, unsubscribeLinks, unsubscribeToken } from "./unsubscribe";

const database = vi.hoisted(() => ({ prisma: null as Db | null }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getPrisma: () => database.prisma,
}));

/** Issue 16, item 3: the signed unsubscribe link of every mail, its page's domain and the one-click route (RFC 8058). */
describe("unsubscribe links", () => {
  const db = useTestDatabase();
  let counter = 0;
  const newPerson = () => db.prisma.person.create({ data: { email: `unsub-${++counter}@example.org`, name: `Unsub ${counter}`, role: "manager" } });
  const mailWanted = async (personId: number, kind: "handoff_received" | "review_reminder") => (await loadPreferences(db.prisma, [personId]))(personId, kind, "mail");

  beforeAll(() => {
    vi.stubEnv("AUTH_SECRET", "an unsubscribe test secret of at least thirty-two bytes");
    vi.stubEnv("AUTH_URL", "https://tandem.example.com");
    database.prisma = db.prisma;
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it("reads back a token made for a person and kind, and refuses a tampered one or one for another kind", async () => {
    const token = unsubscribeToken(42, "handoff_received");
    expect(readUnsubscribeToken(token)).toEqual({ personId: 42, kind: "handoff_received" });
    const [, , signature] = token.split(".");
    expect(readUnsubscribeToken(`43.handoff_received.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(`42.review_reminder.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(`42.test.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(`${token.slice(0, -2)}xx`)).toBeNull();
    expect(readUnsubscribeToken(`${token}.extra`)).toBeNull();
    for (const nonsense of [undefined, "", "42", "x".repeat(500), 42]) expect(readUnsubscribeToken(nonsense)).toBeNull();
    // Another secret makes other signatures: a token outlives nothing but its AUTH_SECRET.
    vi.stubEnv("AUTH_SECRET", "another unsubscribe test secret of thirty-two bytes+");
    expect(readUnsubscribeToken(token)).toBeNull();
    vi.stubEnv("AUTH_SECRET", "an unsubscribe test secret of at least thirty-two bytes");
    expect(unsubscribeLinks(42, "handoff_received")).toEqual({
      page: `https://tandem.example.com/unsubscribe?token=${token}`,
      oneClick: `https://tandem.example.com/api/unsubscribe?token=${token}`,
    });
  });

  it("describes what a token stops without writing, then turns that kind's mail off, audited with the person as actor", async () => {
    const me = await newPerson();
    const token = unsubscribeToken(me.id, "handoff_received");
    expect(await describeUnsubscribe(token, db.prisma)).toEqual({ personId: me.id, kind: "handoff_received", label: "Hand-off received", email: me.email, mailOn: true });
    expect(await db.prisma.notificationPreference.count({ where: { personId: me.id } })).toBe(0);

    await unsubscribe(token, db.prisma);
    expect(await mailWanted(me.id, "handoff_received")).toBe(false);
    expect(await mailWanted(me.id, "review_reminder")).toBe(true);
    expect(await describeUnsubscribe(token, db.prisma)).toMatchObject({ mailOn: false });
    expect(await db.prisma.auditEvent.findMany({ where: { action: "notification-preference.changed", entityId: String(me.id) } })).toMatchObject([
      { actorId: me.id, after: [{ kind: "handoff_received", channel: "mail", enabled: false }] },
    ]);
    // A second time changes nothing more.
    await unsubscribe(token, db.prisma);
    expect(await db.prisma.auditEvent.count({ where: { action: "notification-preference.changed", entityId: String(me.id) } })).toBe(1);

    expect(await describeUnsubscribe("1.handoff_received.forged", db.prisma)).toBeNull();
    await expect(unsubscribe("1.handoff_received.forged", db.prisma)).rejects.toMatchObject({ code: "not-found" });
    // A well-signed token of a person who no longer exists.
    await expect(unsubscribe(unsubscribeToken(999_999, "handoff_received"), db.prisma)).rejects.toMatchObject({ code: "not-found" });
  });

  describe("POST /api/unsubscribe (one click, no session)", () => {
    const post = async (token: string, body: string | null = "List-Unsubscribe=One-Click") => {
      const { POST } = await import("@/app/api/unsubscribe/route");
      return POST(
        new Request(`http://localhost/api/unsubscribe?token=${encodeURIComponent(token)}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body,
        }),
      );
    };

    it("turns the mail off for the RFC 8058 body and a valid token", async () => {
      const me = await newPerson();
      const response = await post(unsubscribeToken(me.id, "review_reminder"));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true, data: { kind: "review_reminder", channel: "mail", enabled: false } });
      expect(await mailWanted(me.id, "review_reminder")).toBe(false);
      expect(await mailWanted(me.id, "handoff_received")).toBe(true);
    });

    it("refuses a tampered token (404), a missing body (422) and an oversized one (413), changing nothing", async () => {
      const me = await newPerson();
      const token = unsubscribeToken(me.id, "review_reminder");
      const tampered = token.replace("review_reminder", "handoff_received");
      expect((await post(tampered)).status).toBe(404);
      expect(await (await post(tampered)).json()).toMatchObject({ ok: false, code: "not-found" });
      expect((await post(token, null)).status).toBe(422);
      expect((await post(token, "List-Unsubscribe=Yes")).status).toBe(422);
      expect((await post(token, `List-Unsubscribe=One-Click&padding=${"x".repeat(5000)}`)).status).toBe(413);
      expect(await db.prisma.notificationPreference.count({ where: { personId: me.id } })).toBe(0);
    });
  });
});
