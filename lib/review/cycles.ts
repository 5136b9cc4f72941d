import { canWorkOnReview, type PolicyUser } from "@/lib/auth/policy";
import type { AuditEntry } from "@/lib/audit/record";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError, ensureAllowed } from "@/lib/errors";
import { cycleWindow } from "./iso-week";

type Tx = Prisma.TransactionClient;
type Audit = (entry: Omit<AuditEntry, "actorId">) => Promise<void>;

/**
 * Review cycles and reviews are created when first needed: the cycle of an ISO week when anyone first
 * opens a review of it, a team's review when its manager (or an admin) first opens it. Both inserts skip
 * duplicates, so two people opening the same review at once get the same row.
 */

export async function ensureCycle(tx: Tx, isoWeek: string, timeZone: string) {
  await tx.reviewCycle.createMany({ data: [{ ...cycleWindow(isoWeek, timeZone), timeZone }], skipDuplicates: true });
  return tx.reviewCycle.findUniqueOrThrow({ where: { isoWeek } });
}

/** The team's review of the week, created as a draft when it does not exist yet; returns its id. */
export async function openReview(tx: Tx, user: PolicyUser, teamId: number, isoWeek: string, timeZone: string, audit: Audit): Promise<number> {
  ensureAllowed(canWorkOnReview(user, teamId), "Only an admin or the team's manager can open its review.");
  const team = await tx.team.findUnique({ where: { id: teamId }, select: { id: true } });
  if (!team) throw new AppError("not-found", "This team does not exist.");
  const cycle = await ensureCycle(tx, isoWeek, timeZone);
  const asManager = user.role === "manager" ? user.id : null;
  const created = await tx.review.createMany({
    data: [{ cycleId: cycle.id, teamId, managerId: asManager, status: "draft" }],
    skipDuplicates: true,
  });
  const review = await tx.review.findUniqueOrThrow({
    where: { cycleId_teamId: { cycleId: cycle.id, teamId } },
    select: { id: true, managerId: true },
  });
  if (created.count === 1) {
    await audit({ action: "review.opened", entityType: "review", entityId: review.id, after: { isoWeek, teamId, status: "draft" } });
  } else if (review.managerId === null && asManager !== null) {
    // An admin opened it first: the first manager to open it becomes its manager.
    await tx.review.update({ where: { id: review.id }, data: { managerId: asManager } });
    await audit({ action: "review.manager-assigned", entityType: "review", entityId: review.id, after: { managerId: asManager } });
  }
  return review.id;
}
