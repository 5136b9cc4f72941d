import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/tools/testing/test-database";
import { createAdminWithPasswordLink } from "./admin-access";
import { choosePassword, describePasswordLink } from "./choose-password";
import { invitePeople, listInvitablePeople, listInvitations, resendInvitation, revokeInvitation } from "./invitations";
import type { InviteInput } from "./schemas";
import { requestPasswordReset } from "./password-reset";

const PASSWORD = "correct horse battery staple";
const DAY = 24 * 3_600_000;

describe("invitations", () => {
  const db = useTestDatabase();
  let adminId = 0;
  const invite = (input: InviteInput, now = new Date()) =>
    db.prisma.$transaction((tx) => invitePeople(tx, adminId, input, (entry) => recordAudit(tx, { ...entry, actorId: adminId }), now));

  it("invites everyone who signs in but cannot yet: not people with a password, an SSO identity, role none, or who left", async () => {
    adminId = (await db.prisma.person.create({ data: { email: "admin@acme.example", name: "Ada Admin", role: "admin", passwordHash: "x" } })).id;
    await db.prisma.person.createMany({
      data: [
        { email: "maya@acme.example", name: "Maya Manager", role: "manager" },
        { email: "vic@acme.example", name: "Vic Viewer", role: "viewer" },
        { email: "sso@acme.example", name: "Sam Sso", role: "viewer", ssoIssuer: "https://idp", ssoSubject: "1" },
        { email: "owner@acme.example", name: "Olga Owner", role: "none" },
        { email: "left@acme.example", name: "Lea Left", role: "manager", deactivatedAt: new Date() },
      ],
    });
    expect((await listInvitablePeople(db.prisma)).map((person) => person.name)).toEqual(["Maya Manager", "Vic Viewer"]);
    const invitations = await invite({ everyoneNotYetInvited: true });
    expect(invitations.map((invitation) => invitation.email)).toEqual(["maya@acme.example", "vic@acme.example"]);
    expect(invitations[0]!.link.path).toMatch(/^\/set-password\?token=/);
    expect(invitations[0]!.link.expiresAt.getTime() - Date.now()).toBeGreaterThan(7 * DAY - 60_000);
    expect((await listInvitablePeople(db.prisma))[0]!.pendingUntil).toEqual(invitations[0]!.link.expiresAt);
    expect(await db.prisma.auditEvent.count({ where: { action: "invitation.sent", actorId: adminId } })).toBe(2);
    // Everyone invited is pending now: the button has nobody left to invite.
    await expect(invite({ everyoneNotYetInvited: true })).rejects.toThrow(/Nobody to invite/);
    // Chosen people must all be invitable: nobody is invited otherwise.
    const owner = await db.prisma.person.findUniqueOrThrow({ where: { email: "owner@acme.example" } });
    await expect(invite({ personIds: [invitations[0]!.personId, owner.id] })).rejects.toThrow(/Olga Owner: cannot be invited/);
  });

  it("accepting sets the password once; a resent invitation replaces the old link; a revoked or expired one does not work", async () => {
    const ids = await db.prisma.person.findMany({ where: { email: { in: ["maya@acme.example", "vic@acme.example"] } }, orderBy: { name: "asc" }, select: { id: true } });
    // Chosen again while pending: a new link each, the first ones stop working.
    const [maya, vic] = await invite({ personIds: ids.map((person) => person.id) });
    const [mayaAgain] = await db.prisma.$transaction(async (tx) => {
      const pending = await tx.accountLink.findFirstOrThrow({ where: { personId: maya!.personId, usedAt: null, revokedAt: null } });
      return [await resendInvitation(tx, adminId, pending.id, (entry) => recordAudit(tx, { ...entry, actorId: adminId }))];
    });
    expect((await describePasswordLink(maya!.link.token, { db: db.prisma }))!.state).toBe("revoked");
    await expect(choosePassword({ token: maya!.link.token, password: PASSWORD }, { db: db.prisma })).rejects.toThrow(AppError);

    const view = await describePasswordLink(mayaAgain!.link.token, { db: db.prisma });
    expect(view).toMatchObject({ purpose: "invitation", state: "usable", person: { name: "Maya Manager", email: "maya@acme.example" } });
    expect(await choosePassword({ token: mayaAgain!.link.token, password: PASSWORD }, { db: db.prisma })).toEqual({ email: "maya@acme.example" });
    const person = await db.prisma.person.findUniqueOrThrow({ where: { email: "maya@acme.example" } });
    expect(await bcrypt.compare(PASSWORD, person.passwordHash!)).toBe(true);
    expect(person.sessionsValidAfter).not.toBeNull();
    await expect(choosePassword({ token: mayaAgain!.link.token, password: "another long passphrase" }, { db: db.prisma })).rejects.toThrow(/no longer works/);
    expect(await db.prisma.auditEvent.count({ where: { action: "person.invitation-accepted", actorId: person.id } })).toBe(1);

    // Vic's link, eight days on: expired.
    await expect(choosePassword({ token: vic!.link.token, password: PASSWORD }, { db: db.prisma, now: new Date(Date.now() + 8 * DAY) })).rejects.toThrow(AppError);
    await db.prisma.$transaction(async (tx) => {
      const pending = await tx.accountLink.findFirstOrThrow({ where: { personId: vic!.personId, usedAt: null, revokedAt: null } });
      await revokeInvitation(tx, pending.id, (entry) => recordAudit(tx, { ...entry, actorId: adminId }));
      await expect(revokeInvitation(tx, pending.id, async () => undefined)).rejects.toThrow(/revoked already/);
    });
    expect((await describePasswordLink(vic!.link.token, { db: db.prisma }))!.state).toBe("revoked");

    const statuses = (await listInvitations({}, db.prisma)).map((row) => `${row.person.name}: ${row.status}`);
    expect(statuses).toEqual(expect.arrayContaining(["Maya Manager: accepted", "Vic Viewer: revoked"]));
    // Maya can sign in now, so she is no longer invitable; Vic still is.
    expect((await listInvitablePeople(db.prisma)).map((row) => row.name)).toEqual(["Vic Viewer"]);
  });

  it("a link stops working when its person leaves", async () => {
    const [vic] = await invite({ everyoneNotYetInvited: true });
    await db.prisma.person.update({ where: { id: vic!.personId }, data: { deactivatedAt: new Date() } });
    expect((await describePasswordLink(vic!.link.token, { db: db.prisma }))!.state).toBe("revoked");
    await expect(choosePassword({ token: vic!.link.token, password: PASSWORD }, { db: db.prisma })).rejects.toThrow(/no longer works/);
  });
});

describe("password reset", () => {
  const db = useTestDatabase();

  it("answers alike for an unknown email, sends a one-hour link for a known one, and throttles after five", async () => {
    await db.prisma.person.create({ data: { email: "maya@acme.example", name: "Maya Manager", role: "manager", passwordHash: "x" } });
    expect(await requestPasswordReset("nobody@acme.example", "192.0.2.1", { db: db.prisma })).toEqual({ kind: "accepted", reset: null });
    const now = new Date();
    const outcome = await requestPasswordReset("maya@acme.example", "192.0.2.1", { db: db.prisma, now });
    if (outcome.kind !== "accepted" || !outcome.reset) throw new Error("expected a reset link");
    expect(outcome.reset.link.expiresAt.getTime() - now.getTime()).toBe(3_600_000);
    expect(await choosePassword({ token: outcome.reset.link.token, password: PASSWORD }, { db: db.prisma })).toEqual({ email: "maya@acme.example" });
    expect(await db.prisma.auditEvent.count({ where: { action: { in: ["person.password-reset-requested", "person.password-reset"] } } })).toBe(2);
    for (let attempt = 0; attempt < 4; attempt++) await requestPasswordReset("maya@acme.example", "192.0.2.1", { db: db.prisma });
    expect((await requestPasswordReset("maya@acme.example", "192.0.2.1", { db: db.prisma })).kind).toBe("throttled");
    // Unknown emails count just the same, so being throttled tells nothing either.
    for (let attempt = 0; attempt < 4; attempt++) await requestPasswordReset("nobody@acme.example", "192.0.2.1", { db: db.prisma });
    expect((await requestPasswordReset("nobody@acme.example", "192.0.2.1", { db: db.prisma })).kind).toBe("throttled");
  });
});

describe("admin:create", () => {
  const db = useTestDatabase();

  it("makes a new admin, or promotes and brings back an existing person, with a 24-hour link to set the password", async () => {
    const created = await createAdminWithPasswordLink(db.prisma, { email: "New.Admin@Acme.example", name: "Nia New" });
    expect(created).toMatchObject({ created: true, name: "Nia New" });
    expect(created.link.path).toMatch(/^\/set-password\?token=/);
    expect(await choosePassword({ token: created.link.token, password: PASSWORD }, { db: db.prisma })).toEqual({ email: "new.admin@acme.example" });

    await db.prisma.person.create({ data: { email: "old@acme.example", name: "Otto Old", role: "viewer", deactivatedAt: new Date() } });
    const promoted = await createAdminWithPasswordLink(db.prisma, { email: "old@acme.example" });
    expect(promoted).toMatchObject({ created: false, name: "Otto Old" });
    expect(await db.prisma.person.findUniqueOrThrow({ where: { email: "old@acme.example" } })).toMatchObject({ role: "admin", deactivatedAt: null, sessionsValidAfter: expect.any(Date) });
    await expect(createAdminWithPasswordLink(db.prisma, { email: "ghost@acme.example" })).rejects.toThrow(/give their name with --name/);
    const actions = (await db.prisma.auditEvent.findMany({ orderBy: { id: "asc" }, select: { action: true, actorId: true } })).map((event) => `${event.action}:${event.actorId}`);
    expect(actions).toEqual(["person.created:null", "person.password-link-issued:null", expect.stringMatching(/^person.password-set:\d+$/), "person.reactivated:null", "person.password-link-issued:null"]);
  });
});
