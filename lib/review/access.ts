import type { DataPolicy } from "@/lib/auth/write-policy";
import { canWorkOnReview, reviewWorkers } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError, ensureAllowed } from "@/lib/errors";
import { formatDueAt } from "./due";
import { cycleWindow, isoWeekOf, shiftIsoWeek } from "./iso-week";
import { requireReviewId } from "./schemas";

type Tx = Prisma.TransactionClient;

const lockedReviewSelect = {
  id: true,
  status: true,
  teamId: true,
  managerId: true,
  submittedAt: true,
  submittedById: true,
  reopenedAt: true,
  team: { select: { id: true, name: true, function: true } },
  cycle: { select: { isoWeek: true, opensAt: true, dueAt: true, closesAt: true, timeZone: true } },
} as const;

export type LockedReview = Prisma.ReviewGetPayload<{ select: typeof lockedReviewSelect }>;

/**
 * Locks the review row for the rest of the transaction and reads it: every write to a review (decisions,
 * confirm-all, submit, reopen) is serialised, so a decision can never land after the submit that made the
 * review read-only, and two managers' writes never interleave.
 */
export async function lockReview(tx: Tx, reviewId: number): Promise<LockedReview> {
  await tx.$queryRaw`SELECT id FROM "Review" WHERE id = ${reviewId} FOR UPDATE`;
  const review = await tx.review.findUnique({ where: { id: reviewId }, select: lockedReviewSelect });
  if (!review) throw new AppError("not-found", "This review does not exist.");
  return review;
}

/**
 * The policy of the routes that fill in a review (DESIGN.md section 5): admins any team's, a manager their
 * own team's, viewers none. The review is locked before it is checked, and the handler works on it.
 */
export const reviewOfOwnTeam: DataPolicy<LockedReview, { id: string }> = {
  role: reviewWorkers,
  async authorize({ tx, user, params }) {
    const review = await lockReview(tx, requireReviewId(params.id));
    ensureAllowed(canWorkOnReview(user, review.teamId), `Only an admin or the manager of ${review.team.name} can work on this review.`);
    return review;
  },
};

/** The policy of opening a team's review: admins any team's, a manager their own team's, viewers none. */
export const reviewTeamToOpen: DataPolicy<{ id: number; name: string }, Record<string, never>, { teamId: number }> = {
  role: reviewWorkers,
  async authorize({ tx, user, input }) {
    const team = await tx.team.findUnique({ where: { id: input.teamId }, select: { id: true, name: true } });
    if (!team) throw new AppError("not-found", "This team does not exist.");
    ensureAllowed(canWorkOnReview(user, team.id), `Only an admin or the manager of ${team.name} can open its review.`);
    return team;
  },
};

/**
 * Until when a review an admin reopened at `reopenedAt` can be worked on: until its team's next review is
 * due, the first due time after the reopening (this week's Friday, or next week's once this one's has passed).
 * Reopening is for putting a submitted review right, not for keeping it open alongside the reviews after it.
 */
export function reopenedEditableUntil(reopenedAt: Date, timeZone: string): Date {
  const week = isoWeekOf(reopenedAt, timeZone);
  const due = cycleWindow(week, timeZone).dueAt;
  return reopenedAt.getTime() < due.getTime() ? due : cycleWindow(shiftIsoWeek(week, 1), timeZone).dueAt;
}

/**
 * A draft can be worked on during its week and the week after it (to submit late rather than not at
 * all); one an admin reopened, until its team's next review is due. Older drafts are history.
 */
export function isReviewEditable(review: Pick<LockedReview, "status" | "reopenedAt" | "cycle">, now: Date): boolean {
  if (review.status !== "draft") return false;
  if (review.reopenedAt) return now.getTime() < reopenedEditableUntil(review.reopenedAt, review.cycle.timeZone).getTime();
  const graceEnds = cycleWindow(shiftIsoWeek(review.cycle.isoWeek, 1), review.cycle.timeZone).closesAt;
  return now.getTime() < graceEnds.getTime();
}

export function ensureEditable(review: LockedReview, now: Date): void {
  if (review.status === "submitted") {
    throw new AppError("conflict", "This review was submitted: it is read-only now. An admin can reopen it.");
  }
  if (review.reopenedAt && !isReviewEditable(review, now)) {
    const until = formatDueAt(reopenedEditableUntil(review.reopenedAt, review.cycle.timeZone), review.cycle.timeZone);
    throw new AppError("conflict", `The review of ${review.cycle.isoWeek} was reopened until its team's next review was due (${until}): it is read-only again.`);
  }
  if (!isReviewEditable(review, now)) {
    throw new AppError("conflict", `The review of ${review.cycle.isoWeek} is closed: it is kept as history and can no longer change.`);
  }
}
