import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password-policy";
import type { PolicyUser } from "@/lib/auth/policy";
import { endEarlierSessions } from "@/lib/auth/session-validity";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { notifyHolderLeft } from "@/lib/notifications/people-events";
import { revokeTokensOfPerson } from "@/lib/tokens/tokens";
import { watchCells } from "@/lib/webhooks/cell-watch";
import { emitPeopleDeactivated } from "@/lib/webhooks/domain-events";
import {
  signsIn,
  type CreatePersonInput,
  type PersonRole,
  type SetPasswordInput,
  type UpdatePersonInput,
} from "./schemas";

/**
 * The admin writes on people, behind routes whose policy (`catalogEditors`) has already let the signed-in
 * user through. Each takes the route's transaction, checks its facts through it, writes, and records its
 * audit event there, so a refusal rolls everything back. Password hashes never reach an audit event:
 * `passwordChanged` does.
 */

type Tx = Prisma.TransactionClient;


const personSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  teamId: true,
  deactivatedAt: true,
  updatedAt: true,
  team: { select: { name: true } },
} as const;

type PersonRow = Prisma.PersonGetPayload<{ select: typeof personSelect }>;

/** What an audit event says about a person: readable on its own (the team by name, as it was then). */
function describePerson(person: PersonRow) {
  return {
    name: person.name,
    team: person.team?.name ?? null,
    role: person.role,
    email: person.email,
    ...(person.deactivatedAt ? { deactivatedAt: person.deactivatedAt } : {}),
  };
}

async function findPerson(tx: Tx, id: number): Promise<PersonRow> {
  const person = await tx.person.findUnique({ where: { id }, select: personSelect });
  if (!person) throw new AppError("not-found", "This person does not exist.");
  return person;
}

/** The team must exist, and a manager needs one: managing a team is what the role means. */
async function checkTeam(tx: Tx, teamId: number | null, role: PersonRole): Promise<void> {
  if (teamId !== null && !(await tx.team.findUnique({ where: { id: teamId }, select: { id: true } }))) {
    throw new AppError("invalid", "That team no longer exists.", {
      fieldErrors: { teamId: ["That team no longer exists: reload and choose another."] },
    });
  }
  if (teamId === null && role === "manager") {
    throw new AppError("invalid", "A manager needs a team.", {
      fieldErrors: { teamId: ["A manager manages a team: choose one."] },
    });
  }
}

export async function createPerson(
  tx: Tx,
  user: PolicyUser,
  input: CreatePersonInput,
): Promise<{ id: number; email: string }> {
  const taken = await tx.person.findUnique({ where: { email: input.email }, select: { name: true } });
  if (taken) {
    const message = `${taken.name} already has this email.`;
    throw new AppError("conflict", message, { fieldErrors: { email: [message] } });
  }
  await checkTeam(tx, input.teamId, input.role);
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const created = await tx.person.create({
    data: { email: input.email, name: input.name, teamId: input.teamId, role: input.role, passwordHash },
    select: personSelect,
  });
  await recordAudit(tx, {
    actorId: user.id,
    action: "person.created",
    entityType: "person",
    entityId: created.email,
    after: { ...describePerson(created), ...(passwordHash ? { passwordChanged: true } : {}) },
  });
  return { id: created.id, email: created.email };
}

export async function updatePerson(
  tx: Tx,
  user: PolicyUser,
  id: number,
  input: UpdatePersonInput,
): Promise<{ id: number; updatedAt: string }> {
  const before = await findPerson(tx, id);
  if (before.updatedAt.getTime() !== new Date(input.updatedAt).getTime()) throw staleEdit(before);
  if (id === user.id && input.role !== "admin") {
    const message = "You cannot remove your own admin role: ask another admin to do it.";
    throw new AppError("invalid", message, { fieldErrors: { role: [message] } });
  }
  await checkTeam(tx, input.teamId, input.role);
  if (before.name === input.name && before.teamId === input.teamId && before.role === input.role) {
    return { id, updatedAt: before.updatedAt.toISOString() };
  }
  // The version in the where clause refuses a save that raced ours since the read above.
  const { count } = await tx.person.updateMany({
    where: { id, updatedAt: before.updatedAt },
    data: { name: input.name, teamId: input.teamId, role: input.role },
  });
  if (count === 0) throw staleEdit(await findPerson(tx, id));
  const after = await findPerson(tx, id);
  await recordAudit(tx, {
    actorId: user.id,
    action: "person.updated",
    entityType: "person",
    entityId: after.email,
    before: describePerson(before),
    after: describePerson(after),
  });
  return { id, updatedAt: after.updatedAt.toISOString() };
}

/** A 409 that carries the current values, so the form can show what changed and offer to save over it. */
function staleEdit(current: PersonRow): AppError {
  return new AppError(
    "conflict",
    "Someone else changed this person while you were editing. Their values are shown; save again to replace them.",
    {
      current: {
        name: current.name,
        teamId: current.teamId,
        team: current.team?.name ?? null,
        role: current.role,
        updatedAt: current.updatedAt.toISOString(),
      },
    },
  );
}

/** Marks a person as left. Nothing is deleted: their assignments stay and the rules report them as departed owners. */
export async function deactivatePerson(
  tx: Tx,
  user: PolicyUser,
  id: number,
  now = new Date(),
): Promise<{ id: number; deactivatedAt: string }> {
  const before = await findPerson(tx, id);
  if (id === user.id)
    throw new AppError("invalid", "You cannot deactivate yourself: ask another admin to do it.");
  if (before.deactivatedAt) throw new AppError("conflict", `${before.name} is already marked as left.`);
  const watch = await watchCells(tx, { heldBy: [id] }, now);
  await tx.person.update({ where: { id }, data: { deactivatedAt: now } });
  await notifyHolderLeft(tx, id, now);
  await revokeTokensOfPerson(tx, id, now);
  await watch?.emit(now);
  await emitPeopleDeactivated(tx, [id], now);
  const after = await findPerson(tx, id);
  await recordAudit(tx, {
    actorId: user.id,
    action: "person.deactivated",
    entityType: "person",
    entityId: before.email,
    before: describePerson(before),
    after: describePerson(after),
  });
  return { id, deactivatedAt: now.toISOString() };
}

export async function reactivatePerson(tx: Tx, user: PolicyUser, id: number, now = new Date()): Promise<{ id: number }> {
  const before = await findPerson(tx, id);
  if (!before.deactivatedAt) throw new AppError("conflict", `${before.name} is already active.`);
  const watch = await watchCells(tx, { heldBy: [id] }, now);
  await tx.person.update({ where: { id }, data: { deactivatedAt: null } });
  await watch?.emit(now);
  await endEarlierSessions(tx, id);
  const after = await findPerson(tx, id);
  await recordAudit(tx, {
    actorId: user.id,
    action: "person.reactivated",
    entityType: "person",
    entityId: before.email,
    before: describePerson(before),
    after: describePerson(after),
  });
  return { id };
}

export async function setPersonPassword(
  tx: Tx,
  user: PolicyUser,
  id: number,
  input: SetPasswordInput,
): Promise<{ id: number }> {
  const person = await findPerson(tx, id);
  if (!signsIn(person.role)) {
    const message = `${person.name} has role none and never signs in: give them a role first.`;
    throw new AppError("invalid", message, { fieldErrors: { password: [message] } });
  }
  await tx.person.update({
    where: { id },
    data: { passwordHash: await hashPassword(input.password) },
  });
  await recordAudit(tx, {
    actorId: user.id,
    action: "person.password-set",
    entityType: "person",
    entityId: person.email,
    after: { passwordChanged: true },
  });
  return { id };
}
