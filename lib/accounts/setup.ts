import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password-policy";
import { getPrisma, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { consumeLink, findLink, issueLink, type IssuedLink } from "./one-time-links";
import type { SetupInput } from "./schemas";

type Reader = Db | Prisma.TransactionClient;

/**
 * The first-run set-up. An organisation starts on an empty database (no demo) where nobody can sign in as an
 * admin: people.csv carries no passwords, and only an admin can set one. `npm start` then prints a set-up
 * link; whoever holds it names the organisation and becomes its first admin. Once done, or once any admin can
 * sign in by other means (`npm run admin:create`, single sign-on), the link and /setup are gone.
 */

/**
 * Whether an admin can sign in: an active admin with a password or an identity at the SSO provider, or, when
 * single sign-on is configured, any active admin (the provider vouches for them at their first sign-in).
 */
async function someAdminCanSignIn(db: Reader, singleSignOn: boolean): Promise<boolean> {
  const admin = await db.person.findFirst({
    where: {
      role: "admin",
      deactivatedAt: null,
      ...(singleSignOn ? {} : { OR: [{ passwordHash: { not: null } }, { ssoSubject: { not: null } }] }),
    },
    select: { id: true },
  });
  return admin !== null;
}

export async function isSetupNeeded(db: Reader, options: { singleSignOn: boolean }): Promise<boolean> {
  const settings = await db.organisationSettings.findUnique({ where: { id: 1 }, select: { setupCompletedAt: true } });
  if (settings?.setupCompletedAt) return false;
  return !(await someAdminCanSignIn(db, options.singleSignOn));
}

/** A new set-up link when set-up is needed (earlier ones stop working, so only the last one printed works); null otherwise. */
export async function issueSetupLinkIfNeeded(db: Db, options: { singleSignOn: boolean; now?: Date }): Promise<IssuedLink | null> {
  return db.$transaction(async (tx) => {
    if (!(await isSetupNeeded(tx, options))) return null;
    return issueLink(tx, { purpose: "setup", personId: null, createdById: null, now: options.now });
  });
}

/** Whether /setup opens for this token: a set-up link that is still usable, while set-up is still needed. */
export async function canSetUpWith(token: unknown, options: { singleSignOn: boolean; now?: Date }, db: Reader = getPrisma()): Promise<boolean> {
  const link = await findLink(db as Prisma.TransactionClient, token, options.now);
  return link?.purpose === "setup" && link.state === "usable" && (await isSetupNeeded(db, options));
}

/**
 * Names the organisation and makes its first admin (or promotes the person with that email, when people were
 * imported first), in one transaction that uses the link up. Two forms sent with the same link: one wins, the
 * other is told the link is used.
 */
export async function completeSetup(input: SetupInput, options: { singleSignOn: boolean; now?: Date }, db: Db = getPrisma()): Promise<{ personId: number; email: string }> {
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    // The settings row is the set-up's lock: a second set-up waits here, then finds it done.
    // In SQL: Prisma's upsert is a read then an insert, and two of them racing would both insert.
    await tx.$executeRaw`INSERT INTO "OrganisationSettings" (id, "updatedAt") VALUES (1, now()) ON CONFLICT (id) DO NOTHING`;
    await tx.$queryRaw`SELECT id FROM "OrganisationSettings" WHERE id = 1 FOR UPDATE`;
    const link = await findLink(tx, input.token, now);
    if (link?.purpose !== "setup" || !(await isSetupNeeded(tx, options)) || !(await consumeLink(tx, link.id, now))) {
      throw new AppError("not-found", "This set-up link no longer works: set-up was done, or the link expired. Restart Tandem for a new one.");
    }
    const existing = await tx.person.findUnique({ where: { email: input.email }, select: { id: true, name: true, role: true } });
    const person = existing
      ? await tx.person.update({ where: { id: existing.id }, data: { name: input.name, role: "admin", passwordHash, deactivatedAt: null }, select: { id: true, email: true } })
      : await tx.person.create({ data: { email: input.email, name: input.name, role: "admin", passwordHash }, select: { id: true, email: true } });
    const before = await tx.organisationSettings.findUniqueOrThrow({ where: { id: 1 }, select: { name: true, timeZone: true } });
    await tx.organisationSettings.update({ where: { id: 1 }, data: { name: input.organisationName, timeZone: input.timeZone, setupCompletedAt: now } });
    const actor = { actorId: person.id, entityType: "person", entityId: person.email };
    await recordAudit(tx, existing
      ? { ...actor, action: "person.updated", before: { name: existing.name, role: existing.role }, after: { name: input.name, role: "admin", passwordChanged: true } }
      : { ...actor, action: "person.created", after: { name: input.name, role: "admin", email: person.email, passwordChanged: true } });
    await recordAudit(tx, {
      actorId: person.id,
      action: "organisation.set-up",
      entityType: "settings",
      entityId: 1,
      before,
      after: { name: input.organisationName, timeZone: input.timeZone },
    });
    return { personId: person.id, email: person.email };
  });
}
