import type { Db } from "@/lib/db/client";
import { KEPT_AT_MOST_MS, memoizeByDataVersion } from "@/lib/cache/kept-figures";
import { leavesHistoryUnchanged } from "@/lib/ownership/change-effects";
import { loadOwnershipHistory, type OwnershipHistory } from "@/lib/ownership/ownership-history";
import { buildCells, catalogAsOf, cellNumber, holdersAsOf, listTeamsWithScope, peopleAsOf, periodAt, type TeamFunction } from "@/lib/rules";
import { submissionStatus, type SubmissionStatus } from "./due";
import { cycleWindow, isoWeekOf, shiftIsoWeek } from "./iso-week";
import { readTimeZone } from "@/lib/settings/queries";

/**
 * The team x week grid of the review history: submitted on time, late, missing (not submitted while the
 * team had cells in its review scope), open, or nothing to review. "Had cells in scope" is computed as
 * of each week's due time from the assignment history, with the same rules as the live review.
 */

export interface GridWeek {
  isoWeek: string;
  opensAt: Date;
  dueAt: Date;
  closesAt: Date;
  current: boolean;
}

export interface GridCell {
  isoWeek: string;
  status: SubmissionStatus;
  reviewId: number | null;
  submittedAt: Date | null;
  /** A draft was started but not submitted. */
  started: boolean;
}

export interface HistoryGrid {
  timeZone: string;
  weeks: GridWeek[];
  rows: { team: { id: number; name: string; function: TeamFunction }; cells: GridCell[] }[];
}

export async function loadHistoryGrid(prisma: Db, now: Date, weekCount = 12, onlyWeeks?: string[]): Promise<HistoryGrid> {
  const timeZone = await readTimeZone(prisma);
  const currentWeek = isoWeekOf(now, timeZone);
  const isoWeeks = onlyWeeks ?? Array.from({ length: weekCount }, (_, index) => shiftIsoWeek(currentWeek, index - weekCount + 1));
  const [teams, cycles, reviews] = await Promise.all([
    prisma.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, function: true } }),
    prisma.reviewCycle.findMany({ where: { isoWeek: { in: isoWeeks } }, select: { isoWeek: true, opensAt: true, dueAt: true, closesAt: true } }),
    prisma.review.findMany({
      where: { cycle: { isoWeek: { in: isoWeeks } } },
      select: { id: true, teamId: true, status: true, submittedAt: true, cycle: { select: { isoWeek: true } } },
    }),
  ]);
  // A stored cycle keeps the window it was created with, even if the time zone setting changed since.
  const weeks = isoWeeks.map((isoWeek): GridWeek => {
    const stored = cycles.find((cycle) => cycle.isoWeek === isoWeek);
    const window = stored ?? cycleWindow(isoWeek, timeZone);
    return { isoWeek, opensAt: window.opensAt, dueAt: window.dueAt, closesAt: window.closesAt, current: isoWeek === currentWeek };
  });
  const reviewOf = new Map(reviews.map((review) => [`${review.teamId}/${review.cycle.isoWeek}`, review]));

  // Only a week that has ended can be missing (overdue): that is when whether the team had cells matters.
  const needScope = weeks.filter(
    (week) => week.closesAt <= now && teams.some((team) => reviewOf.get(`${team.id}/${week.isoWeek}`)?.status !== "submitted"),
  );
  const hasScope = needScope.length ? await loadTeamsWithScope(prisma, teams, needScope) : new Set<string>();

  return {
    timeZone,
    weeks,
    rows: teams.map((team) => ({
      team,
      cells: weeks.map((week): GridCell => {
        const review = reviewOf.get(`${team.id}/${week.isoWeek}`);
        const submittedAt = review?.status === "submitted" ? review.submittedAt : null;
        return {
          isoWeek: week.isoWeek,
          status: submissionStatus(week, submittedAt, now, hasScope.has(`${team.id}/${week.isoWeek}`)),
          reviewId: review?.id ?? null,
          submittedAt,
          started: review?.status === "draft",
        };
      }),
    })),
  };
}

/** `teamId/isoWeek` for every team that had cells in its review scope at the week's due time. */
async function loadTeamsWithScope(
  prisma: Db,
  teams: { id: number; function: TeamFunction }[],
  weeks: GridWeek[],
): Promise<Set<string>> {
  // Only weeks that have ended come here. What a team held at a past due time cannot change any more,
  // except by a write that rewrites the past; the hand-offs (reviews submitted or reopened later) are
  // read afresh. One kept value for all the weeks asked: one history read, one version check a request.
  const scopes = await memoizeByDataVersion(
    prisma,
    `review-scopes-at|${weeks.map((week) => week.dueAt.toISOString()).join(",")}`,
    async () => {
      const history = await loadOwnershipHistory(prisma);
      return weeks.map((week) => scopeAt(history, teams, week.dueAt));
    },
    { carryOver: (previous, changes) => (changes.every(leavesHistoryUnchanged) ? previous : null), maxAgeMs: KEPT_AT_MOST_MS },
  );

  const result = new Set<string>();
  const lacking: { team: number; week: number }[] = [];
  weeks.forEach((week, i) => {
    for (const team of teams) {
      if (scopes[i]!.teamsWithCells.has(team.id)) result.add(`${team.id}/${week.isoWeek}`);
      else lacking.push({ team: team.id, week: i });
    }
  });
  if (lacking.length === 0) return result;

  // A team that held nothing may still have had cells handed off to it the week before: read only those.
  const handoffs = await prisma.reviewItem.findMany({
    where: {
      decision: "handoff",
      handoffTeamId: { in: [...new Set(lacking.map((entry) => entry.team))] },
      review: { status: "submitted", cycle: { isoWeek: { in: [...new Set(lacking.map((entry) => shiftIsoWeek(weeks[entry.week]!.isoWeek, -1)))] } } },
    },
    select: { assetId: true, concernId: true, handoffTeamId: true, review: { select: { cycle: { select: { isoWeek: true } } } } },
  });
  for (const { team, week } of lacking) {
    const previous = shiftIsoWeek(weeks[week]!.isoWeek, -1);
    const handedOff = handoffs.some(
      (h) => h.handoffTeamId === team && h.review.cycle.isoWeek === previous && isInScope(scopes[week]!.cellsInScope, cellNumber(h.assetId, h.concernId)),
    );
    if (handedOff) result.add(`${team}/${weeks[week]!.isoWeek}`);
  }
  return result;
}

/**
 * Which teams had cells in their review scope at `at` before any hand-off, and which cells were in scope
 * then: the catalog, the people and the teams' functions as they were then.
 */
function scopeAt(history: OwnershipHistory, teams: { id: number; function: TeamFunction }[], at: Date): { teamsWithCells: Set<number>; cellsInScope: Float64Array } {
  const then = catalogAsOf(history, history.attributes, at);
  const rulePeople = peopleAsOf(then.people, at);
  const cells = buildCells(then.assets, then.concerns, holdersAsOf(history.assignments, at), new Map(), at);
  const teamsThen = teams.map((team) => ({ id: team.id, function: periodAt(history.attributes.teamFunctions.get(team.id), at.getTime())?.value ?? team.function }));
  return {
    teamsWithCells: listTeamsWithScope(teamsThen, cells, rulePeople),
    // Sorted numbers take a fraction of a Set's memory: 12 weeks of 64,000 cells are kept between requests.
    cellsInScope: Float64Array.from(cells.filter((cell) => cell.inScope).map((cell) => cellNumber(cell.assetId, cell.concernId))).sort(),
  };
}

/** Binary search in the sorted cell numbers of a week's scope. */
function isInScope(sorted: Float64Array, cell: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] === cell) return true;
    if (sorted[middle]! < cell) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
