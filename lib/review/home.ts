import { getPrisma, type Db } from "@/lib/db/client";
import { loadSnapshotAt } from "@/lib/ownership/current-snapshot";
import { isOverdue } from "./due";
import { loadHistoryGrid } from "./history-grid";
import { cycleWindow, isoWeekOf, shiftIsoWeek } from "./iso-week";
import { countProgress } from "./review-cells";
import { readTimeZone } from "@/lib/settings/queries";
import { loadReviewCells } from "./scope";

/** What Home shows of the weekly review: the signed-in manager's progress, and the overdue teams for admins. */

export interface HomeReviewSummary {
  reviewId: number | null;
  teamId: number;
  teamName: string;
  isoWeek: string;
  decided: number;
  total: number;
  dueAt: Date;
  overdue: boolean;
  submitted: boolean;
}

/** This week's review of the user's team, without creating anything: null for viewers and people without a team. */
export function getReviewSummaryForHome(user: { role: string; teamId: number | null }, now = new Date()): Promise<HomeReviewSummary | null> {
  return getReviewSummary(getPrisma(), user, now);
}

export async function getReviewSummary(prisma: Db, user: { role: string; teamId: number | null }, now: Date): Promise<HomeReviewSummary | null> {
  if ((user.role !== "manager" && user.role !== "admin") || user.teamId === null) return null;
  const timeZone = await readTimeZone(prisma);
  const isoWeek = isoWeekOf(now, timeZone);
  const [team, cycle] = await Promise.all([
    prisma.team.findUnique({ where: { id: user.teamId }, select: { id: true, name: true, function: true } }),
    prisma.reviewCycle.findUnique({ where: { isoWeek }, select: { id: true, dueAt: true } }),
  ]);
  if (!team) return null;
  const review = cycle
    ? await prisma.review.findUnique({
        where: { cycleId_teamId: { cycleId: cycle.id, teamId: team.id } },
        select: { id: true, status: true, submittedAt: true, items: { select: { assetId: true, concernId: true } } },
      })
    : null;
  const dueAt = cycle?.dueAt ?? cycleWindow(isoWeek, timeZone).dueAt;
  const submittedAt = review?.status === "submitted" ? review.submittedAt : null;
  const items = review?.items ?? [];
  const progress = submittedAt
    ? { decided: items.length, total: items.length }
    : countProgress((await loadReviewCells(prisma, team, { isoWeek, timeZone }, items, now, await loadSnapshotAt(prisma, now))).cells, items);
  return {
    reviewId: review?.id ?? null,
    teamId: team.id,
    teamName: team.name,
    isoWeek,
    ...progress,
    dueAt,
    overdue: isOverdue({ dueAt }, submittedAt, now),
    submitted: submittedAt !== null,
  };
}

export interface OverdueTeam {
  teamId: number;
  teamName: string;
  isoWeek: string;
  dueAt: Date;
  reviewId: number | null;
  /** A draft exists: someone started the review. */
  started: boolean;
}

/**
 * Teams whose review is overdue now (DESIGN.md, "Overdue review"): last week's review not submitted, or
 * this week's once its due time has passed, for teams that had cells in their review scope.
 */
export function listOverdueTeams(now = new Date()): Promise<OverdueTeam[]> {
  return listOverdueTeamsIn(getPrisma(), now);
}

export async function listOverdueTeamsIn(prisma: Db, now: Date): Promise<OverdueTeam[]> {
  const timeZone = await readTimeZone(prisma);
  const currentWeek = isoWeekOf(now, timeZone);
  const weeks = [shiftIsoWeek(currentWeek, -1)];
  if (cycleWindow(currentWeek, timeZone).dueAt < now) weeks.push(currentWeek);
  const grid = await loadHistoryGrid(prisma, now, weeks.length, weeks);
  const overdue: OverdueTeam[] = [];
  for (const row of grid.rows) {
    for (const cell of row.cells) {
      if (cell.status !== "missing") continue;
      const week = grid.weeks.find((w) => w.isoWeek === cell.isoWeek)!;
      overdue.push({ teamId: row.team.id, teamName: row.team.name, isoWeek: cell.isoWeek, dueAt: week.dueAt, reviewId: cell.reviewId, started: cell.started });
    }
  }
  return overdue.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.teamName.localeCompare(b.teamName));
}
