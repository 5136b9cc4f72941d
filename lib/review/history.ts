import type { Db } from "@/lib/db/client";
import type { ReviewDecision } from "@/lib/rules";

/** Every team's reviews, newest week first, with how many cells each decision covered. */

export interface ReviewListRow {
  id: number;
  isoWeek: string;
  dueAt: Date;
  closesAt: Date;
  timeZone: string;
  teamId: number;
  teamName: string;
  status: "draft" | "submitted";
  submittedAt: Date | null;
  submittedByName: string | null;
  counts: Record<ReviewDecision, number>;
}

export const REVIEW_PAGE_SIZE = 25;

export async function listReviews(prisma: Db, filters: { teamId?: number; page: number }): Promise<{ rows: ReviewListRow[]; total: number }> {
  const where = filters.teamId ? { teamId: filters.teamId } : {};
  const [reviews, total] = await Promise.all([
    prisma.review.findMany({
      where,
      orderBy: [{ cycle: { opensAt: "desc" } }, { team: { name: "asc" } }],
      skip: (filters.page - 1) * REVIEW_PAGE_SIZE,
      take: REVIEW_PAGE_SIZE,
      select: {
        id: true,
        status: true,
        submittedAt: true,
        team: { select: { id: true, name: true } },
        submittedBy: { select: { name: true } },
        cycle: { select: { isoWeek: true, dueAt: true, closesAt: true, timeZone: true } },
      },
    }),
    prisma.review.count({ where }),
  ]);
  const counted = await prisma.reviewItem.groupBy({
    by: ["reviewId", "decision"],
    where: { reviewId: { in: reviews.map((review) => review.id) } },
    _count: { _all: true },
  });
  return {
    total,
    rows: reviews.map((review) => {
      const counts: Record<ReviewDecision, number> = { confirm: 0, change: 0, flag: 0, handoff: 0 };
      for (const row of counted) if (row.reviewId === review.id) counts[row.decision] = row._count._all;
      return {
        id: review.id,
        isoWeek: review.cycle.isoWeek,
        dueAt: review.cycle.dueAt,
        closesAt: review.cycle.closesAt,
        timeZone: review.cycle.timeZone,
        teamId: review.team.id,
        teamName: review.team.name,
        status: review.status,
        submittedAt: review.submittedAt,
        submittedByName: review.submittedBy?.name ?? null,
        counts,
      };
    }),
  };
}
