import { recordAudit } from "@/lib/audit/record";
import type { PolicyUser } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import type { CreateTeamInput, UpdateTeamInput } from "./schemas";

/** The admin writes on teams; same shape as the people writes in ./actions.ts. */

type Tx = Prisma.TransactionClient;

const teamSelect = { id: true, name: true, function: true, updatedAt: true } as const;
type TeamRow = Prisma.TeamGetPayload<{ select: typeof teamSelect }>;

const describeTeam = (team: TeamRow) => ({ name: team.name, function: team.function });

/** Names are unique regardless of case: "web platform" next to "Web Platform" would only confuse. */
async function ensureNameFree(tx: Tx, name: string, exceptId?: number): Promise<void> {
  const taken = await tx.team.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  });
  if (taken) {
    const message = `There is already a team called ${taken.name}.`;
    throw new AppError("conflict", message, { fieldErrors: { name: [message] } });
  }
}

export async function createTeam(tx: Tx, user: PolicyUser, input: CreateTeamInput): Promise<{ id: number }> {
  await ensureNameFree(tx, input.name);
  const team = await tx.team.create({
    data: { name: input.name, function: input.function },
    select: teamSelect,
  });
  await recordAudit(tx, {
    actorId: user.id,
    action: "team.created",
    entityType: "team",
    entityId: team.id,
    after: describeTeam(team),
  });
  return { id: team.id };
}

export async function updateTeam(
  tx: Tx,
  user: PolicyUser,
  id: number,
  input: UpdateTeamInput,
): Promise<{ id: number; updatedAt: string }> {
  const before = await tx.team.findUnique({ where: { id }, select: teamSelect });
  if (!before) throw new AppError("not-found", "This team does not exist.");
  if (before.updatedAt.getTime() !== new Date(input.updatedAt).getTime()) throw staleEdit(before);
  await ensureNameFree(tx, input.name, id);
  if (before.name === input.name && before.function === input.function)
    return { id, updatedAt: before.updatedAt.toISOString() };
  const { count } = await tx.team.updateMany({
    where: { id, updatedAt: before.updatedAt },
    data: { name: input.name, function: input.function },
  });
  const after = await tx.team.findUniqueOrThrow({ where: { id }, select: teamSelect });
  if (count === 0) throw staleEdit(after);
  await recordAudit(tx, {
    actorId: user.id,
    action: "team.updated",
    entityType: "team",
    entityId: id,
    before: describeTeam(before),
    after: describeTeam(after),
  });
  return { id, updatedAt: after.updatedAt.toISOString() };
}

function staleEdit(current: TeamRow): AppError {
  return new AppError(
    "conflict",
    "Someone else changed this team while you were editing. Their values are shown; save again to replace them.",
    {
      current: { ...describeTeam(current), updatedAt: current.updatedAt.toISOString() },
    },
  );
}
