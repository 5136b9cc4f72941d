import "server-only";
import type { AuditEntry } from "@/lib/audit/record";
import { getPrisma, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { issueLink, linkState, type IssuedLink, type LinkState } from "./one-time-links";
import type { InviteInput } from "./schemas";

type Tx = Prisma.TransactionClient;
type Reader = Db | Tx;
type Audit = (entry: Omit<AuditEntry, "actorId">) => Promise<void>;

/**
 * Invitations: a one-time link (7 days) to choose a password and sign in, for people an admin created or
 * imported without one. People who already have a password, or have signed in through single sign-on, need
 * none. Resending makes a new link (only the newest works); revoking stops the pending one.
 */

/** Who can be invited: active, with a role that signs in, and no way to sign in yet. */
const INVITABLE = { deactivatedAt: null, role: { not: "none" }, passwordHash: null, ssoSubject: null } as const satisfies Prisma.PersonWhereInput;

const pendingInvitation = (now: Date) => ({ purpose: "invitation", usedAt: null, revokedAt: null, expiresAt: { gt: now } }) as const satisfies Prisma.AccountLinkWhereInput;

export interface InvitablePerson {
  id: number;
  name: string;
  email: string;
  role: string;
  teamName: string | null;
  /** When their newest pending invitation expires; null when none is pending. */
  pendingUntil: Date | null;
}

export async function listInvitablePeople(db: Reader = getPrisma(), now = new Date()): Promise<InvitablePerson[]> {
  const people = await db.person.findMany({
    where: INVITABLE,
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      team: { select: { name: true } },
      accountLinks: { where: pendingInvitation(now), select: { expiresAt: true }, orderBy: { expiresAt: "desc" }, take: 1 },
    },
  });
  return people.map((person) => ({
    id: person.id,
    name: person.name,
    email: person.email,
    role: person.role,
    teamName: person.team?.name ?? null,
    pendingUntil: person.accountLinks[0]?.expiresAt ?? null,
  }));
}

export interface IssuedInvitation {
  personId: number;
  name: string;
  email: string;
  link: IssuedLink;
}

/**
 * Invites the chosen people (all of them invitable, or none is; a pending invitation is replaced), or everyone
 * invitable who has no pending invitation yet; one audit event each.
 */
export async function invitePeople(tx: Tx, inviterId: number, input: InviteInput, audit: Audit, now = new Date()): Promise<IssuedInvitation[]> {
  const chosen = "personIds" in input ? [...new Set(input.personIds)] : null;
  const people = await tx.person.findMany({
    where: { ...INVITABLE, ...(chosen ? { id: { in: chosen } } : { accountLinks: { none: pendingInvitation(now) } }) },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
  if (chosen && people.length < chosen.length) {
    const refused = await tx.person.findMany({ where: { id: { in: chosen.filter((id) => !people.some((person) => person.id === id)) } }, select: { name: true } });
    const names = refused.map((person) => person.name).join(", ") || "Someone chosen";
    throw new AppError("conflict", `${names}: cannot be invited (left, role none, or can sign in already). Reload and choose again.`);
  }
  if (people.length === 0) throw new AppError("conflict", "Nobody to invite: everyone who signs in can already, or has an invitation pending.");
  const invitations: IssuedInvitation[] = [];
  for (const person of people) {
    const link = await issueLink(tx, { purpose: "invitation", personId: person.id, createdById: inviterId, now });
    await audit({ action: "invitation.sent", entityType: "person", entityId: person.email, after: { expiresAt: link.expiresAt } });
    invitations.push({ personId: person.id, name: person.name, email: person.email, link });
  }
  return invitations;
}

export type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";

const STATUS_OF: Record<LinkState, InvitationStatus> = { usable: "pending", used: "accepted", expired: "expired", revoked: "revoked" };

export interface InvitationRow {
  id: number;
  status: InvitationStatus;
  person: { id: number; name: string; email: string };
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

/** Invitations, newest first: the admin's list on the Invitations screen and a person's page. */
export async function listInvitations(options: { personId?: number; limit?: number } = {}, db: Reader = getPrisma(), now = new Date()): Promise<InvitationRow[]> {
  const links = await db.accountLink.findMany({
    where: { purpose: "invitation", ...(options.personId ? { personId: options.personId } : {}) },
    orderBy: { id: "desc" },
    take: options.limit ?? 500,
    select: {
      id: true,
      createdAt: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      person: { select: { id: true, name: true, email: true } },
      createdBy: { select: { name: true } },
    },
  });
  return links.flatMap((link) =>
    link.person
      ? [{ id: link.id, status: STATUS_OF[linkState(link, now)], person: link.person, invitedBy: link.createdBy?.name ?? null, createdAt: link.createdAt, expiresAt: link.expiresAt, usedAt: link.usedAt }]
      : [],
  );
}

async function findInvitation(tx: Tx, id: number, now: Date) {
  const link = await tx.accountLink.findFirst({
    where: { id, purpose: "invitation" },
    select: { id: true, personId: true, usedAt: true, revokedAt: true, expiresAt: true, person: { select: { email: true } } },
  });
  if (!link || link.personId === null || !link.person) throw new AppError("not-found", "This invitation does not exist.");
  return { ...link, personId: link.personId, email: link.person.email, state: linkState(link, now) };
}

/** A new link for the person of an invitation that was not accepted (pending, expired or revoked); the old one stops working. */
export async function resendInvitation(tx: Tx, inviterId: number, invitationId: number, audit: Audit, now = new Date()): Promise<IssuedInvitation> {
  const invitation = await findInvitation(tx, invitationId, now);
  if (invitation.state === "used") throw new AppError("conflict", "This invitation was accepted already.");
  const [issued] = await invitePeople(tx, inviterId, { personIds: [invitation.personId] }, audit, now);
  return issued!;
}

export async function revokeInvitation(tx: Tx, invitationId: number, audit: Audit, now = new Date()): Promise<{ id: number }> {
  const invitation = await findInvitation(tx, invitationId, now);
  if (invitation.state !== "usable") throw new AppError("conflict", `This invitation is ${STATUS_OF[invitation.state]} already.`);
  await tx.accountLink.update({ where: { id: invitation.id }, data: { revokedAt: now } });
  await audit({ action: "invitation.revoked", entityType: "person", entityId: invitation.email, before: { expiresAt: invitation.expiresAt } });
  return { id: invitation.id };
}

/** For a person's page: whether they can be invited, and their newest invitation. */
export async function getInvitationState(personId: number, db: Reader = getPrisma(), now = new Date()): Promise<{ invitable: boolean; latest: InvitationRow | null }> {
  const [invitable, [latest]] = await Promise.all([db.person.count({ where: { ...INVITABLE, id: personId } }), listInvitations({ personId, limit: 1 }, db, now)]);
  return { invitable: invitable > 0, latest: latest ?? null };
}
