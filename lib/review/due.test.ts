import { describe, expect, it } from "vitest";
import {
  daysUntilDue,
  describeDaysLeft,
  formatDueAt,
  formatWeekRange,
  isOverdue,
  isPastDue,
  submissionStatus,
} from "./due";
import { formatDate, formatDaysAgo, formatMoment } from "./format";
import { cycleWindow, isoWeekOf } from "./iso-week";

const at = (iso: string) => new Date(iso);

describe("daysUntilDue", () => {
  it("counts calendar days from Monday to Friday in UTC", () => {
    const { dueAt } = cycleWindow("2026-W48", "UTC");
    expect(daysUntilDue(dueAt, at("2026-11-23T00:00:00Z"), "UTC")).toBe(4);
    expect(daysUntilDue(dueAt, at("2026-11-26T23:59:00Z"), "UTC")).toBe(1);
    expect(daysUntilDue(dueAt, at("2026-11-27T00:00:00Z"), "UTC")).toBe(0);
    expect(daysUntilDue(dueAt, at("2026-11-28T10:00:00Z"), "UTC")).toBe(-1);
  });

  it("counts the days of the organisation's time zone, not of UTC", () => {
    const { dueAt } = cycleWindow("2026-W48", "Asia/Tokyo");
    // Sunday 22 November 16:00 UTC is already Monday 01:00 in Tokyo.
    expect(daysUntilDue(dueAt, at("2026-11-22T16:00:00Z"), "Asia/Tokyo")).toBe(4);
    // Friday 27 November 15:30 UTC is Saturday 00:30 in Tokyo: a day past due.
    expect(daysUntilDue(dueAt, at("2026-11-27T15:30:00Z"), "Asia/Tokyo")).toBe(-1);
  });

  it("is not shifted by a daylight-saving change on the due day itself", () => {
    // Cairo moves its clocks forward at midnight on Friday 24 April 2026: that Friday has 23 hours.
    const { dueAt } = cycleWindow("2026-W17", "Africa/Cairo");
    expect(dueAt).toEqual(at("2026-04-24T20:59:59.999Z"));
    expect(daysUntilDue(dueAt, at("2026-04-20T07:00:00Z"), "Africa/Cairo")).toBe(4);
    // Thursday 23:30, then Friday 01:30 half an hour later: midnight to 01:00 never happens.
    expect(daysUntilDue(dueAt, at("2026-04-23T21:30:00Z"), "Africa/Cairo")).toBe(1);
    expect(daysUntilDue(dueAt, at("2026-04-23T22:30:00Z"), "Africa/Cairo")).toBe(0);
  });

  it("is not shifted when the clocks go back during the week", () => {
    // Cairo's clocks go back at midnight between Thursday 29 and Friday 30 October 2026: a 25-hour Thursday.
    const { dueAt } = cycleWindow("2026-W44", "Africa/Cairo");
    expect(dueAt).toEqual(at("2026-10-30T21:59:59.999Z"));
    expect(daysUntilDue(dueAt, at("2026-10-29T21:30:00Z"), "Africa/Cairo")).toBe(1);
    expect(daysUntilDue(dueAt, at("2026-10-29T22:30:00Z"), "Africa/Cairo")).toBe(0);
  });

  it("crosses the new year in week 53", () => {
    // 2026-W53 runs from Monday 28 December 2026 to Sunday 3 January 2027, due Friday 1 January.
    const { dueAt } = cycleWindow("2026-W53", "UTC");
    expect(daysUntilDue(dueAt, at("2026-12-28T09:00:00Z"), "UTC")).toBe(4);
    expect(daysUntilDue(dueAt, at("2026-12-31T09:00:00Z"), "UTC")).toBe(1);
    expect(daysUntilDue(dueAt, at("2027-01-03T09:00:00Z"), "UTC")).toBe(-2);
    expect(isoWeekOf(at("2027-01-03T09:00:00Z"), "UTC")).toBe("2026-W53");
  });
});

describe("isPastDue and isOverdue", () => {
  const window = cycleWindow("2026-W48", "America/New_York");

  it("turns at the due instant in the time zone", () => {
    // Friday 23:59:59.999 in New York is Saturday 04:59:59.999 UTC.
    expect(window.dueAt).toEqual(at("2026-11-28T04:59:59.999Z"));
    expect(isPastDue(window, at("2026-11-28T04:59:59.999Z"))).toBe(false);
    expect(isPastDue(window, at("2026-11-28T05:00:00.000Z"))).toBe(true);
  });

  it("is overdue once its week has ended, while not submitted; past due on the weekend is not overdue yet", () => {
    // The week ends Sunday 24:00 in New York: Monday 05:00 UTC.
    expect(window.closesAt).toEqual(at("2026-11-30T05:00:00.000Z"));
    expect(isOverdue(window, null, at("2026-11-29T12:00:00Z"))).toBe(false);
    expect(isOverdue(window, null, at("2026-11-30T04:59:59.999Z"))).toBe(false);
    expect(isOverdue(window, null, at("2026-11-30T05:00:00.000Z"))).toBe(true);
    expect(isOverdue(window, at("2026-11-29T08:00:00Z"), at("2026-12-01T12:00:00Z"))).toBe(false);
    expect(isOverdue(window, null, at("2026-11-25T12:00:00Z"))).toBe(false);
  });
});

describe("submissionStatus", () => {
  const window = cycleWindow("2026-W01", "UTC");
  const afterTheWeek = at("2026-01-20T00:00:00Z");

  it("tells on time from late by the due instant", () => {
    expect(submissionStatus(window, at("2026-01-02T23:59:59.999Z"), afterTheWeek, true)).toBe("on-time");
    expect(submissionStatus(window, at("2026-01-03T00:00:00.000Z"), afterTheWeek, true)).toBe("late");
  });

  it("is missing past due only when the team had cells to review", () => {
    expect(submissionStatus(window, null, afterTheWeek, true)).toBe("missing");
    expect(submissionStatus(window, null, afterTheWeek, false)).toBe("nothing-to-review");
  });

  it("is open until its week ends, past its due time on the weekend too", () => {
    expect(submissionStatus(window, null, at("2026-01-02T12:00:00Z"), true)).toBe("open");
    expect(submissionStatus(window, null, at("2026-01-04T23:59:59.999Z"), true)).toBe("open");
    expect(submissionStatus(window, null, at("2026-01-05T00:00:00.000Z"), true)).toBe("missing");
  });

  it("places the first week of 2026 in December 2025", () => {
    expect(window.opensAt).toEqual(at("2025-12-29T00:00:00Z"));
  });
});

describe("describeDaysLeft", () => {
  const { dueAt } = cycleWindow("2026-W48", "UTC");

  it("says days left, due today and days past due", () => {
    expect(describeDaysLeft(dueAt, at("2026-11-23T08:00:00Z"), "UTC")).toBe("4 days left");
    expect(describeDaysLeft(dueAt, at("2026-11-26T08:00:00Z"), "UTC")).toBe("1 day left");
    expect(describeDaysLeft(dueAt, at("2026-11-27T08:00:00Z"), "UTC")).toBe("due today");
    expect(describeDaysLeft(dueAt, at("2026-11-28T00:00:00Z"), "UTC")).toBe("1 day past due");
    expect(describeDaysLeft(dueAt, at("2026-11-30T10:00:00Z"), "UTC")).toBe("3 days past due");
  });
});

describe("formatting", () => {
  it("writes the due time in the organisation's time zone", () => {
    const { dueAt } = cycleWindow("2026-W48", "Europe/Berlin");
    expect(formatDueAt(dueAt, "Europe/Berlin")).toBe("Friday 27 November, 23:59 (Europe/Berlin)");
  });

  it("writes a week's range, across months and years", () => {
    expect(formatWeekRange(cycleWindow("2026-W48", "UTC").opensAt, "UTC")).toBe("23 – 29 Nov 2026");
    expect(formatWeekRange(cycleWindow("2026-W49", "UTC").opensAt, "UTC")).toBe("30 Nov – 6 Dec 2026");
    expect(formatWeekRange(cycleWindow("2026-W53", "UTC").opensAt, "UTC")).toBe("28 Dec 2026 – 3 Jan 2027");
  });
});

describe("formatMoment, formatDate and formatDaysAgo", () => {
  it("write instants in the organisation's time zone", () => {
    const instant = at("2026-11-22T23:30:00Z");
    expect(formatMoment(instant, "UTC")).toBe("Sun 22 Nov, 23:30");
    expect(formatMoment(instant.toISOString(), "Europe/Berlin")).toBe("Mon 23 Nov, 00:30");
    expect(formatDate(instant, "Asia/Tokyo")).toBe("23 Nov 2026");
    expect(formatDaysAgo(instant, at("2026-11-23T08:00:00Z"), "UTC")).toBe("yesterday");
    expect(formatDaysAgo(instant, at("2026-11-23T08:00:00Z"), "Europe/Berlin")).toBe("today");
    expect(formatDaysAgo(at("2026-10-10T12:00:00Z"), at("2026-11-23T08:00:00Z"), "UTC")).toBe("44 days ago");
  });
});
