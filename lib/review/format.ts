import { DateTime } from "luxon";

/**
 * Dates on the review screens, always in the organisation's time zone so that the server's render and
 * the browser's agree (and everyone reads the same Friday). Accept strings: JSON answers carry dates so.
 */

type When = Date | string;

const toDate = (value: When) => (typeof value === "string" ? new Date(value) : value);

/** "Mon 23 Nov, 10:02". */
export function formatMoment(value: When, timeZone: string): string {
  return DateTime.fromJSDate(toDate(value), { zone: timeZone }).setLocale("en-GB").toFormat("ccc d LLL, HH:mm");
}

/** "12 Oct 2026". */
export function formatDate(value: When, timeZone: string): string {
  return DateTime.fromJSDate(toDate(value), { zone: timeZone }).setLocale("en-GB").toFormat("d LLL yyyy");
}

/** "today", "yesterday", "44 days ago": calendar days in the time zone. */
export function formatDaysAgo(value: When, now: When, timeZone: string): string {
  const day = DateTime.fromJSDate(toDate(value), { zone: timeZone }).startOf("day");
  const today = DateTime.fromJSDate(toDate(now), { zone: timeZone }).startOf("day");
  const days = Math.round(today.diff(day, "days").days);
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  return `${days} days ago`;
}
