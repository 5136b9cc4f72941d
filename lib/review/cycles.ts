import { canWorkOnReview, type PolicyUser } from "@/lib/auth/policy";
import type { AuditEntry } from "@/lib/audit/record";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError, ensureAllowed } from "@/lib/errors";
import { readTimeZone } from "@/lib/settings/queries";
import { cycleWindow, isoWeekOf, shiftIsoWeek } from "./iso-week";

type Tx = Prisma.TransactionClient;
type Audit = (entry: Omit<AuditEntry, "actorId">) => Promise<void>;

/**
 * Review cycles and reviews are created when first written to: the cycle of an ISO week with the first
 * review of it, a team's review by its manager's (or an admin's) first decision, or `POST /api/reviews`.
 * Both inserts skip duplicates, so two people starting the same review at once get the same row.
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
  } else {
    await claimReview(tx, review, user, audit);
  }
  return review.id;
}

/** A review an admin started gets its manager when the first manager works on it. */
export async function claimReview(tx: Tx, review: { id: number; managerId: number | null }, user: PolicyUser, audit: Audit): Promise<void> {
  if (review.managerId !== null || user.role !== "manager") return;
  await tx.review.update({ where: { id: review.id }, data: { managerId: user.id } });
  await audit({ action: "review.manager-assigned", entityType: "review", entityId: review.id, after: { managerId: user.id } });
}

/**
 * `POST /api/reviews`: creates the team's review of this week or last week (the weeks the review screen
 * works on) when it does not exist yet, as the board does before its first decision; returns its id.
 */
export async function openWeekReview(tx: Tx, user: PolicyUser, input: { teamId: number; isoWeek: string }, audit: Audit, now = new Date()): Promise<{ id: number }> {
  const timeZone = await readTimeZone(tx);
  const currentWeek = isoWeekOf(now, timeZone);
  if (input.isoWeek !== currentWeek && input.isoWeek !== shiftIsoWeek(currentWeek, -1)) {
    throw new AppError("invalid", `Only this week's review (${currentWeek}) and last week's can be opened, not ${input.isoWeek}'s.`);
  }
  return { id: await openReview(tx, user, input.teamId, input.isoWeek, timeZone, audit) };
}
