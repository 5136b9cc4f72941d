import { DateTime, IANAZone } from "luxon";

/**
 * Review cycles are ISO weeks in the organisation's time zone: a week opens Monday 00:00 local time,
 * is due Friday 23:59:59.999 and closes when the next one opens. Luxon does the calendar work so that
 * week 53, weeks that straddle a new year and daylight-saving changes come out right.
 */

export interface CycleWindow {
  isoWeek: string;
  opensAt: Date;
  dueAt: Date;
  closesAt: Date;
}

const ISO_WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

export function isValidTimeZone(timeZone: string): boolean {
  return IANAZone.isValidZone(timeZone);
}

function zoned(instant: Date, timeZone: string): DateTime {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return DateTime.fromJSDate(instant, { zone: timeZone });
}

export function formatIsoWeek(weekYear: number, weekNumber: number): string {
  return `${weekYear}-W${String(weekNumber).padStart(2, "0")}`;
}

/** The ISO week (e.g. `2026-W48`) that contains the instant, in the given time zone. */
export function isoWeekOf(instant: Date, timeZone: string): string {
  const local = zoned(instant, timeZone);
  return formatIsoWeek(local.weekYear, local.weekNumber);
}

export function parseIsoWeek(isoWeek: string): { weekYear: number; weekNumber: number } | null {
  const match = ISO_WEEK_PATTERN.exec(isoWeek);
  if (!match) return null;
  const weekYear = Number(match[1]);
  const weekNumber = Number(match[2]);
  const monday = DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone: "UTC" });
  // Luxon rolls week 53 of a 52-week year over into the next year: such a week does not exist.
  if (!monday.isValid || monday.weekYear !== weekYear || monday.weekNumber !== weekNumber) return null;
  return { weekYear, weekNumber };
}

export function cycleWindow(isoWeek: string, timeZone: string): CycleWindow {
  const parsed = parseIsoWeek(isoWeek);
  if (!parsed) throw new RangeError(`Not an ISO week: ${isoWeek}`);
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const opens = DateTime.fromObject({ ...parsed, weekday: 1 }, { zone: timeZone }).startOf("day");
  const due = opens.plus({ days: 4 }).endOf("day");
  const closes = opens.plus({ weeks: 1 }).startOf("day");
  return { isoWeek, opensAt: opens.toJSDate(), dueAt: due.toJSDate(), closesAt: closes.toJSDate() };
}

/** The ISO week `weeks` weeks after (or before, when negative) the given one. */
export function shiftIsoWeek(isoWeek: string, weeks: number): string {
  const parsed = parseIsoWeek(isoWeek);
  if (!parsed) throw new RangeError(`Not an ISO week: ${isoWeek}`);
  const moved = DateTime.fromObject({ ...parsed, weekday: 1 }, { zone: "UTC" }).plus({ weeks });
  return formatIsoWeek(moved.weekYear, moved.weekNumber);
}

/** The window of the week containing the instant. */
export function currentCycleWindow(now: Date, timeZone: string): CycleWindow {
  return cycleWindow(isoWeekOf(now, timeZone), timeZone);
}
