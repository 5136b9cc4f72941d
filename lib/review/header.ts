import { canReopenReview, canWorkOnReview, type PolicyUser } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { TeamFunction } from "@/lib/rules";
import { isReviewEditable } from "./access";
import { isOverdue } from "./due";
import { cycleWindow, shiftIsoWeek } from "./iso-week";

/** A review's identity and state, as the top of the review screen and its read-only record show it. */
export interface ReviewHeader {
  id: number;
  status: "draft" | "submitted";
  isoWeek: string;
  opensAt: Date;
  dueAt: Date;
  closesAt: Date;
  timeZone: string;
  previousWeekOpensAt: Date;
  team: { id: number; name: string; function: TeamFunction };
  managerName: string | null;
  submittedAt: Date | null;
  submittedByName: string | null;
  reopenedAt: Date | null;
  overdue: boolean;
  /** The viewer may work on this review, and it is a draft still open for work. */
  editable: boolean;
  canReopen: boolean;
}

export async function getReviewHeader(prisma: Db, reviewId: number, viewer: Pick<PolicyUser, "id" | "role" | "teamId">, now: Date): Promise<ReviewHeader | null> {
  const review = await prisma.review.findUnique({
    where: { id: reviewId },
    select: {
      id: true,
      status: true,
      teamId: true,
      submittedAt: true,
      reopenedAt: true,
      team: { select: { id: true, name: true, function: true } },
      manager: { select: { name: true } },
      submittedBy: { select: { name: true } },
      cycle: { select: { isoWeek: true, opensAt: true, dueAt: true, closesAt: true, timeZone: true } },
    },
  });
  if (!review) return null;
  return {
    id: review.id,
    status: review.status,
    isoWeek: review.cycle.isoWeek,
    opensAt: review.cycle.opensAt,
    dueAt: review.cycle.dueAt,
    closesAt: review.cycle.closesAt,
    timeZone: review.cycle.timeZone,
    previousWeekOpensAt: cycleWindow(shiftIsoWeek(review.cycle.isoWeek, -1), review.cycle.timeZone).opensAt,
    team: review.team,
    managerName: review.manager?.name ?? null,
    submittedAt: review.submittedAt,
    submittedByName: review.submittedBy?.name ?? null,
    reopenedAt: review.reopenedAt,
    overdue: isOverdue(review.cycle, review.submittedAt, now),
    editable: canWorkOnReview({ ...viewer, teamFunction: null }, review.teamId) && isReviewEditable(review, now),
    canReopen: canReopenReview({ ...viewer, teamFunction: null }) && review.status === "submitted",
  };
}
