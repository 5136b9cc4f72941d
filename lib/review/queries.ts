import { getPrisma } from "@/lib/db/client";
import { listReviews } from "./history";
import { loadHistoryGrid } from "./history-grid";

/** The history screen's reads: the team x week grid, one page of reviews, and the teams to filter by. */
export async function getReviewHistory(filters: { teamId?: number; page: number }, now = new Date()) {
  const prisma = getPrisma();
  const [grid, list, teams] = await Promise.all([
    loadHistoryGrid(prisma, now),
    listReviews(prisma, filters),
    prisma.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { grid, list, teams };
}
