import { DateTime } from "luxon";

/**
 * When a weekly review is due, overdue, late or missing: pure functions of the cycle's instants, the
 * review's submission and `now`, so the screen, Home and the history grid agree and tests need no clock.
 * Calendar arithmetic happens in the organisation's time zone (Luxon), so a day lost or gained to a
 * daylight-saving change never shifts "days left".
 */

/** Where one team's review of one week stands; the history grid shows one of these per team and week. */
export type SubmissionStatus =
  /** Submitted by its due time. */
  | "on-time"
  /** Submitted after its due time. */
  | "late"
  /** Not submitted, its week ended, while the team had cells to review: overdue. */
  | "missing"
  /** Not submitted yet, and its week not ended (past its due time on the weekend: submitting then is late). */
  | "open"
  /** Not submitted, but the team had nothing in scope that week. */
  | "nothing-to-review";

export interface DueWindow {
  dueAt: Date;
  /** When the week ends (Sunday 24:00 in the time zone). */
  closesAt: Date;
}

/** Whole calendar days from today to the due day in the time zone: 0 on the due day, negative after it. */
export function daysUntilDue(dueAt: Date, now: Date, timeZone: string): number {
  const dueDay = DateTime.fromJSDate(dueAt, { zone: timeZone }).startOf("day");
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf("day");
  // Calendar days: a 23- or 25-hour day still counts as one.
  return Math.round(dueDay.diff(today, "days").days);
}

export function isPastDue(window: Pick<DueWindow, "dueAt">, now: Date): boolean {
  return now.getTime() > window.dueAt.getTime();
}

/**
 * DESIGN.md: a review is overdue when its week has ended and it was not submitted by its due time. Past
 * its due time on the weekend it is late, not overdue yet; submitting it (late) ends being overdue.
 */
export function isOverdue(window: DueWindow, submittedAt: Date | null, now: Date): boolean {
  return submittedAt === null && now.getTime() >= window.closesAt.getTime();
}

export function submissionStatus(window: DueWindow, submittedAt: Date | null, now: Date, hasCellsInScope: boolean): SubmissionStatus {
  if (submittedAt) return submittedAt.getTime() <= window.dueAt.getTime() ? "on-time" : "late";
  if (!isOverdue(window, submittedAt, now)) return "open";
  return hasCellsInScope ? "missing" : "nothing-to-review";
}

/** "4 days left", "1 day left", "due today", "1 day past due", "3 days past due". */
export function describeDaysLeft(dueAt: Date, now: Date, timeZone: string): string {
  const days = daysUntilDue(dueAt, now, timeZone);
  if (now.getTime() > dueAt.getTime()) {
    // Due at the end of a day, so once past it at least one day has begun.
    const late = Math.max(1, -days);
    return `${late} ${late === 1 ? "day" : "days"} past due`;
  }
  if (days === 0) return "due today";
  return `${days} ${days === 1 ? "day" : "days"} left`;
}

/** "Friday 27 November, 23:59 (Europe/Berlin)": the due time as the organisation reads it. */
export function formatDueAt(dueAt: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(dueAt, { zone: timeZone }).setLocale("en-GB");
  return `${local.toFormat("cccc d LLLL, HH:mm")} (${timeZone})`;
}

/** "23 – 29 Nov 2026" for a week's Monday to Sunday, in the time zone. */
export function formatWeekRange(opensAt: Date, timeZone: string): string {
  const monday = DateTime.fromJSDate(opensAt, { zone: timeZone }).setLocale("en-GB");
  const sunday = monday.plus({ days: 6 });
  const start = monday.month === sunday.month ? monday.toFormat("d") : monday.year === sunday.year ? monday.toFormat("d LLL") : monday.toFormat("d LLL yyyy");
  return `${start} – ${sunday.toFormat("d LLL yyyy")}`;
}
