import { cycleWindow, isoWeekOf, shiftIsoWeek } from "@/lib/review/iso-week";
import type { BenchCycle, BenchReview, BenchTeam } from "./organisation-types";
import type { Random } from "./random";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The current ISO week (weeksAgo 0) and the `historyWeeks` before it, oldest first. */
export function buildCycles(now: Date, timeZone: string, historyWeeks: number): BenchCycle[] {
  const current = isoWeekOf(now, timeZone);
  const cycles: BenchCycle[] = [];
  for (let weeksAgo = historyWeeks; weeksAgo >= 0; weeksAgo--) {
    const window = cycleWindow(shiftIsoWeek(current, -weeksAgo), timeZone);
    cycles.push({ id: cycles.length + 1, weeksAgo, ...window });
  }
  return cycles;
}

/**
 * One review per team and week: most submitted on time, some late, missing or left as a draft (a fifth
 * of the teams struggle more than the rest); this week's reviews are drafts that 60% of teams opened.
 */
export function buildReviews(
  random: Random,
  teams: BenchTeam[],
  cycles: BenchCycle[],
  now: Date,
): BenchReview[] {
  const struggling = new Set(teams.filter(() => random.chance(0.2)).map((team) => team.id));
  const reviews: BenchReview[] = [];
  for (const cycle of cycles) {
    for (const team of teams) {
      const base = {
        id: reviews.length + 1,
        cycleId: cycle.id,
        weeksAgo: cycle.weeksAgo,
        teamId: team.id,
        managerId: team.managerId,
      };
      const opens = cycle.opensAt.getTime();
      if (cycle.weeksAgo === 0) {
        if (!random.chance(0.6)) continue;
        const createdAt = Math.max(
          opens,
          Math.min(opens + random.below(30) * HOUR, now.getTime() - 10 * MINUTE),
        );
        const decidedAt = createdAt + random.next() * (now.getTime() - createdAt);
        reviews.push({
          ...base,
          status: "draft",
          submittedAt: null,
          createdAt: new Date(createdAt),
          decidedAt: new Date(decidedAt),
        });
        continue;
      }
      const roll = random.next();
      const odds = struggling.has(team.id)
        ? { missing: 0.12, draft: 0.2, late: 0.35 }
        : { missing: 0.02, draft: 0.04, late: 0.08 };
      if (roll < odds.missing) continue;
      const createdAt = opens + 6 * HOUR + random.below(24) * HOUR;
      if (roll < odds.draft) {
        const decidedAt = createdAt + random.below(40) * HOUR;
        reviews.push({
          ...base,
          status: "draft",
          submittedAt: null,
          createdAt: new Date(createdAt),
          decidedAt: new Date(decidedAt),
        });
        continue;
      }
      const late = cycle.closesAt.getTime() + HOUR + random.below(40) * HOUR;
      const onTime = opens + 2 * DAY + 9 * HOUR + random.below(56) * HOUR + random.below(60) * MINUTE;
      const submittedAt = roll < odds.late && late < now.getTime() ? late : onTime;
      reviews.push({
        ...base,
        status: "submitted",
        submittedAt: new Date(submittedAt),
        createdAt: new Date(createdAt),
        decidedAt: new Date(submittedAt),
      });
    }
  }
  return reviews;
}
