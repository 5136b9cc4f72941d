import type { Db } from "@/lib/db/client";
import {
  buildCells,
  computeReviewScope,
  DEFAULT_RULE_SETTINGS,
  evaluateCells,
  holdersAsOf,
  peopleAsOf,
  type AssignmentRecord,
  type PersonRecord,
  type RuleAsset,
  type RuleConcern,
  type TeamFunction,
} from "@/lib/rules";
import { submissionStatus, type SubmissionStatus } from "./due";
import { cycleWindow, isoWeekOf, shiftIsoWeek } from "./iso-week";
import { getOrganisationTimeZone } from "./scope";

/**
 * The team x week grid of the review history: submitted on time, late, missing (not submitted while the
 * team had cells in its review scope), open, or nothing to review. "Had cells in scope" is computed as
 * of each week's due time from the assignment history, with the same rules as the live review.
 */

export interface GridWeek {
  isoWeek: string;
  opensAt: Date;
  dueAt: Date;
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
  const timeZone = await getOrganisationTimeZone(prisma);
  const currentWeek = isoWeekOf(now, timeZone);
  const isoWeeks = onlyWeeks ?? Array.from({ length: weekCount }, (_, index) => shiftIsoWeek(currentWeek, index - weekCount + 1));
  const [teams, cycles, reviews] = await Promise.all([
    prisma.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, function: true } }),
    prisma.reviewCycle.findMany({ where: { isoWeek: { in: isoWeeks } }, select: { isoWeek: true, opensAt: true, dueAt: true } }),
    prisma.review.findMany({
      where: { cycle: { isoWeek: { in: isoWeeks } } },
      select: { id: true, teamId: true, status: true, submittedAt: true, cycle: { select: { isoWeek: true } } },
    }),
  ]);
  // A stored cycle keeps the window it was created with, even if the time zone setting changed since.
  const weeks = isoWeeks.map((isoWeek): GridWeek => {
    const stored = cycles.find((cycle) => cycle.isoWeek === isoWeek);
    const window = stored ?? cycleWindow(isoWeek, timeZone);
    return { isoWeek, opensAt: window.opensAt, dueAt: window.dueAt, current: isoWeek === currentWeek };
  });
  const reviewOf = new Map(reviews.map((review) => [`${review.teamId}/${review.cycle.isoWeek}`, review]));

  const needScope = weeks.filter(
    (week) => week.dueAt < now && teams.some((team) => reviewOf.get(`${team.id}/${week.isoWeek}`)?.status !== "submitted"),
  );
  const hasScope = needScope.length ? await loadTeamsWithScope(prisma, teams, needScope, now) : new Set<string>();

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
  now: Date,
): Promise<Set<string>> {
  const previousWeeks = weeks.map((week) => shiftIsoWeek(week.isoWeek, -1));
  const [assets, concerns, people, assignments, handoffs] = await Promise.all([
    prisma.asset.findMany({ select: { id: true, key: true, criticality: true, lifecycle: true, createdAt: true, retiredAt: true, kind: { select: { key: true } } } }),
    prisma.concern.findMany({ select: { id: true, key: true, home: true, appliesTo: { select: { kind: { select: { key: true } } } } } }),
    prisma.person.findMany({ select: { id: true, email: true, teamId: true, deactivatedAt: true, team: { select: { function: true } } } }),
    // Scope and coverage depend only on who holds A and R: C, I and confirmations are not needed.
    prisma.assignment.findMany({
      where: { role: { in: ["A", "R"] }, startedAt: { lte: now } },
      select: { assetId: true, concernId: true, personId: true, role: true, startedAt: true, endedAt: true, source: true },
    }),
    prisma.reviewItem.findMany({
      where: { decision: "handoff", handoffTeamId: { not: null }, review: { status: "submitted", cycle: { isoWeek: { in: previousWeeks } } } },
      select: { assetId: true, concernId: true, handoffTeamId: true, review: { select: { cycle: { select: { isoWeek: true } } } } },
    }),
  ]);
  const ruleAssets: RuleAsset[] = assets.map((asset) => ({ ...asset, kindKey: asset.kind.key }));
  const ruleConcerns: RuleConcern[] = concerns.map((concern) => ({ ...concern, kindKeys: concern.appliesTo.map((a) => a.kind.key) }));
  const personRecords: PersonRecord[] = people.map((person) => ({ ...person, function: person.team?.function ?? null }));
  const records: AssignmentRecord[] = assignments.map((assignment) => ({ ...assignment, confirmations: [] }));

  const result = new Set<string>();
  for (const week of weeks) {
    const at = week.dueAt < now ? week.dueAt : now;
    const rulePeople = peopleAsOf(personRecords, at);
    const cells = evaluateCells(buildCells(ruleAssets, ruleConcerns, holdersAsOf(records, at), new Map(), at), rulePeople, at, DEFAULT_RULE_SETTINGS);
    const previous = shiftIsoWeek(week.isoWeek, -1);
    for (const team of teams) {
      const handedOff = handoffs.filter((h) => h.handoffTeamId === team.id && h.review.cycle.isoWeek === previous);
      if (computeReviewScope(team, cells, rulePeople, handedOff).length > 0) result.add(`${team.id}/${week.isoWeek}`);
    }
  }
  return result;
}
