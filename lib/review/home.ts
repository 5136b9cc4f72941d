import { getPrisma, type Db } from "@/lib/db/client";
import { loadSnapshotAt } from "@/lib/ownership/current-snapshot";
import { isOverdue, isPastDue } from "./due";
import { loadHistoryGrid } from "./history-grid";
import { cycleWindow, isoWeekOf } from "./iso-week";
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
  /** The time zone the due time is read in. */
  timeZone: string;
  /** Past its due time and not submitted: submitting now counts as late. */
  pastDue: boolean;
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
    prisma.reviewCycle.findUnique({ where: { isoWeek }, select: { id: true, dueAt: true, closesAt: true } }),
  ]);
  if (!team) return null;
  const review = cycle
    ? await prisma.review.findUnique({
        where: { cycleId_teamId: { cycleId: cycle.id, teamId: team.id } },
        select: { id: true, status: true, submittedAt: true, items: { select: { assetId: true, concernId: true } } },
      })
    : null;
  const { dueAt, closesAt } = cycle ?? cycleWindow(isoWeek, timeZone);
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
    timeZone,
    pastDue: submittedAt === null && isPastDue({ dueAt }, now),
    overdue: isOverdue({ dueAt, closesAt }, submittedAt, now),
    submitted: submittedAt !== null,
  };
}

export interface OverdueTeam {
  teamId: number;
  teamName: string;
  isoWeek: string;
  dueAt: Date;
  timeZone: string;
  reviewId: number | null;
  /** A draft exists: someone started the review. */
  started: boolean;
}

/** The weeks Home looks back over for overdue reviews, as many as the history grid shows. */
export const OVERDUE_WEEKS = 12;

/**
 * Every overdue team-week of the last 12 weeks (DESIGN.md, "Overdue review"): a week that has ended, a
 * review not submitted, a team that had cells in its review scope. The history grid's "missing" cells,
 * oldest first.
 */
export function listOverdueTeams(now = new Date()): Promise<OverdueTeam[]> {
  return listOverdueTeamsIn(getPrisma(), now);
}

export async function listOverdueTeamsIn(prisma: Db, now: Date): Promise<OverdueTeam[]> {
  const grid = await loadHistoryGrid(prisma, now, OVERDUE_WEEKS);
  const overdue: OverdueTeam[] = [];
  for (const row of grid.rows) {
    for (const cell of row.cells) {
      if (cell.status !== "missing") continue;
      const week = grid.weeks.find((w) => w.isoWeek === cell.isoWeek)!;
      overdue.push({ teamId: row.team.id, teamName: row.team.name, isoWeek: cell.isoWeek, dueAt: week.dueAt, timeZone: grid.timeZone, reviewId: cell.reviewId, started: cell.started });
    }
  }
  return overdue.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.teamName.localeCompare(b.teamName));
}
