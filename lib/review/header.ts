import { canReopenReview, canWorkOnReview, type PolicyUser } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { TeamFunction } from "@/lib/rules";
import { isReviewEditable } from "./access";
import { isOverdue } from "./due";
import { cycleWindow, shiftIsoWeek } from "./iso-week";

/** The header of a review that exists. */
export type StoredReviewHeader = ReviewHeader & { id: number };

type Viewer = Pick<PolicyUser, "id" | "role" | "teamId">;

/** A review's identity and state, as the top of the review screen and its read-only record show it. */
export interface ReviewHeader {
  /** Null for a review nobody has written to yet: its first decision, or `POST /api/reviews`, creates it. */
  id: number | null;
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

export async function getReviewHeader(prisma: Db, reviewId: number, viewer: Viewer, now: Date): Promise<StoredReviewHeader | null> {
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
    previousWeekOpensAt: previousWeekOpensAt(review.cycle),
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

/**
 * The header of a team's review of a week that has no row yet, as it will be once created: the stored
 * cycle's window when the week has one (it keeps the time zone it was created with), else the window in
 * the organisation's time zone. Reading it writes nothing.
 */
export async function getUnopenedReviewHeader(
  prisma: Db,
  teamId: number,
  week: { isoWeek: string; timeZone: string },
  viewer: Viewer,
  now: Date,
): Promise<ReviewHeader | null> {
  const [team, stored] = await Promise.all([
    prisma.team.findUnique({ where: { id: teamId }, select: { id: true, name: true, function: true } }),
    prisma.reviewCycle.findUnique({ where: { isoWeek: week.isoWeek }, select: { isoWeek: true, opensAt: true, dueAt: true, closesAt: true, timeZone: true } }),
  ]);
  if (!team) return null;
  const cycle = stored ?? { ...cycleWindow(week.isoWeek, week.timeZone), timeZone: week.timeZone };
  return {
    id: null,
    status: "draft",
    ...cycle,
    previousWeekOpensAt: previousWeekOpensAt(cycle),
    team,
    managerName: null,
    submittedAt: null,
    submittedByName: null,
    reopenedAt: null,
    overdue: isOverdue(cycle, null, now),
    editable: canWorkOnReview({ ...viewer, teamFunction: null }, team.id) && isReviewEditable({ status: "draft", reopenedAt: null, cycle }, now),
    canReopen: false,
  };
}

function previousWeekOpensAt(cycle: { isoWeek: string; timeZone: string }): Date {
  return cycleWindow(shiftIsoWeek(cycle.isoWeek, -1), cycle.timeZone).opensAt;
}
