import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password-policy";
import { isSessionCurrent } from "@/lib/auth/session-validity";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/tools/testing/test-database";
import { changeOwnPassword, changeOwnPasswordInputSchema, getAccount, signOutEverywhere } from "./account";

/** Issue 15, item 6: a signed-in person changes their own password and signs out everywhere. */
describe("my account", () => {
  const db = useTestDatabase();
  const OLD = "old violet kettle ferry";
  const NEW = "new amber lantern harbour";
  let counter = 0;

  /** A person of their own for each case, so that one case's failed attempts never throttle another's. */
  const newPerson = async (password: string | null = OLD) =>
    db.prisma.person.create({
      data: { email: `account-${++counter}@example.org`, name: `Account ${counter}`, role: "viewer", passwordHash: password ? await hashPassword(password) : null },
    });
  const change = (personId: number, input: unknown) =>
    db.prisma.$transaction((tx) => changeOwnPassword(tx, personId, changeOwnPasswordInputSchema.parse(input), db.prisma));
  const refusalOf = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error("the change was not refused");
      },
      (error: unknown) => {
        if (!(error instanceof AppError)) throw error;
        return error;
      },
    );
  const auditOf = (email: string) => db.prisma.auditEvent.findMany({ where: { entityType: "person", entityId: email }, orderBy: { id: "asc" } });
  /** Whether a session that signed in `secondsAgo` before now is still honoured (lib/auth/session.ts). */
  /** Whether a session signed in a second before `before` still lives: `before` is taken ahead of the change, as a slow hash under load makes any time measured after it late. */
  const sessionFromBeforeLives = async (personId: number, before: number) => {
    const { sessionsValidAfter } = await db.prisma.person.findUniqueOrThrow({ where: { id: personId } });
    return isSessionCurrent(Math.floor(before / 1000) - 1, sessionsValidAfter);
  };

  it("reads the person's details and whether they have a password", async () => {
    const withPassword = await newPerson();
    const ssoOnly = await newPerson(null);
    expect(await getAccount(withPassword.id, db.prisma)).toEqual({
      id: withPassword.id,
      name: withPassword.name,
      email: withPassword.email,
      role: "viewer",
      teamName: null,
      hasPassword: true,
    });
    expect(await getAccount(ssoOnly.id, db.prisma)).toMatchObject({ hasPassword: false });
  });

  it("changes the password with the right current one, ends earlier sessions and audits without any hash", async () => {
    const person = await newPerson();
    const beforeChange = Date.now();
    expect(await sessionFromBeforeLives(person.id, beforeChange)).toBe(true);
    await change(person.id, { currentPassword: OLD, password: NEW });
    expect(await verifyCredentials(db.prisma, { email: person.email, password: NEW })).toMatchObject({ id: person.id });
    expect(await verifyCredentials(db.prisma, { email: person.email, password: OLD })).toBeNull();
    expect(await sessionFromBeforeLives(person.id, beforeChange)).toBe(false);
    const events = await auditOf(person.email);
    expect(events.map((event) => ({ action: event.action, actorId: event.actorId }))).toEqual([{ action: "person.password-changed", actorId: person.id }]);
    const recorded = JSON.stringify(events);
    expect(recorded).not.toMatch(/\$2[aby]\$/);
    expect(recorded).not.toContain(OLD);
    expect(recorded).not.toContain(NEW);
  });

  it("refuses a wrong current password with a field error, changing nothing", async () => {
    const person = await newPerson();
    const error = await refusalOf(change(person.id, { currentPassword: "not my password at all", password: NEW }));
    expect(error.details.fieldErrors).toEqual({ currentPassword: ["This is not your current password."] });
    const after = await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } });
    expect(after).toMatchObject({ passwordHash: person.passwordHash, sessionsValidAfter: null });
    expect(await auditOf(person.email)).toEqual([]);
  });

  it("refuses a new password the policy refuses, before comparing the current one", () => {
    const problems = (password: string) => changeOwnPasswordInputSchema.safeParse({ currentPassword: OLD, password }).error?.flatten().fieldErrors;
    expect(problems("short")).toEqual({ password: ["Use at least 12 characters."] });
    expect(problems("Password1234!")?.password?.[0]).toMatch(/among the first that anyone guesses/);
    expect(problems("violet kettle ferry ".padEnd(73, "x"))?.password?.[0]).toMatch(/^Use at most 72 bytes/);
    expect(problems(NEW)).toBeUndefined();
  });

  it("throttles after 5 wrong current passwords, then refuses even the right one; the sign-in form shares the count", async () => {
    const person = await newPerson();
    for (let attempt = 0; attempt < 5; attempt++) {
      const error = await refusalOf(change(person.id, { currentPassword: `wrong guess ${attempt}`, password: NEW }));
      expect(error.details.fieldErrors?.currentPassword).toEqual(["This is not your current password."]);
    }
    const throttled = await refusalOf(change(person.id, { currentPassword: OLD, password: NEW }));
    expect(throttled.details.fieldErrors?.currentPassword?.[0]).toMatch(/^Too many wrong passwords\. Try again in 15 minutes\.$/);
    expect(await db.prisma.signInFailure.count({ where: { key: `account:${person.email}` } })).toBe(5);
    expect(await verifyCredentials(db.prisma, { email: person.email, password: OLD })).toMatchObject({ id: person.id });
  });

  it("forgives the account's failed attempts when the current password is right", async () => {
    const person = await newPerson();
    await refusalOf(change(person.id, { currentPassword: "a wrong guess", password: NEW }));
    await change(person.id, { currentPassword: OLD, password: NEW });
    expect(await db.prisma.signInFailure.count({ where: { key: `account:${person.email}` } })).toBe(0);
  });

  it("refuses a person who signs in through single sign-on only: there is no password to change", async () => {
    const person = await newPerson(null);
    const error = await refusalOf(change(person.id, { currentPassword: "anything at all", password: NEW }));
    expect(error.details.fieldErrors?.currentPassword?.[0]).toMatch(/single sign-on/);
    expect(await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ passwordHash: null });
  });

  it("signs out everywhere: every earlier session ends, with its audit event", async () => {
    const person = await newPerson();
    const before = Date.now();
    await db.prisma.$transaction((tx) => signOutEverywhere(tx, person.id));
    expect(await sessionFromBeforeLives(person.id, before)).toBe(false);
    expect((await auditOf(person.email)).map((event) => [event.action, event.actorId])).toEqual([["person.signed-out-everywhere", person.id]]);
  });
});
