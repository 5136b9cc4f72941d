import { describe, expect, it } from "vitest";
import { currentCycleWindow, cycleWindow, isoWeekOf, parseIsoWeek, shiftIsoWeek } from "./iso-week";

describe("isoWeekOf", () => {
  it("names the week of an ordinary date", () => {
    expect(isoWeekOf(new Date("2026-11-23T12:00:00Z"), "UTC")).toBe("2026-W48");
  });

  it("puts the first days of January in the previous year's last week when the year starts late in the week", () => {
    // 1 January 2027 is a Friday: it belongs to 2026-W53.
    expect(isoWeekOf(new Date("2027-01-01T12:00:00Z"), "UTC")).toBe("2026-W53");
    expect(isoWeekOf(new Date("2027-01-04T00:00:00Z"), "UTC")).toBe("2027-W01");
  });

  it("puts the last days of December in the next year's first week when the week starts late in the year", () => {
    // 29 December 2025 is a Monday of 2026-W01.
    expect(isoWeekOf(new Date("2025-12-29T08:00:00Z"), "UTC")).toBe("2026-W01");
    expect(isoWeekOf(new Date("2025-12-28T23:59:59Z"), "UTC")).toBe("2025-W52");
  });

  it("uses the organisation's time zone, not UTC", () => {
    // Sunday 23:30 UTC is already Monday in Berlin and still Sunday in New York.
    const instant = new Date("2026-11-29T23:30:00Z");
    expect(isoWeekOf(instant, "UTC")).toBe("2026-W48");
    expect(isoWeekOf(instant, "Europe/Berlin")).toBe("2026-W49");
    expect(isoWeekOf(instant, "America/New_York")).toBe("2026-W48");
  });

  it("rejects an unknown time zone", () => {
    expect(() => isoWeekOf(new Date(), "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("parseIsoWeek", () => {
  it("accepts week 53 only in years that have one", () => {
    expect(parseIsoWeek("2026-W53")).toEqual({ weekYear: 2026, weekNumber: 53 });
    expect(parseIsoWeek("2025-W53")).toBeNull();
  });

  it("rejects malformed keys", () => {
    expect(parseIsoWeek("2026-48")).toBeNull();
    expect(parseIsoWeek("2026-W00")).toBeNull();
    expect(parseIsoWeek("2026-W5")).toBeNull();
  });
});

describe("cycleWindow", () => {
  it("opens Monday 00:00, is due Friday end of day and closes the next Monday, in UTC", () => {
    expect(cycleWindow("2026-W48", "UTC")).toEqual({
      isoWeek: "2026-W48",
      opensAt: new Date("2026-11-23T00:00:00.000Z"),
      dueAt: new Date("2026-11-27T23:59:59.999Z"),
      closesAt: new Date("2026-11-30T00:00:00.000Z"),
    });
  });

  it("follows the time zone's offset", () => {
    const window = cycleWindow("2026-W48", "Asia/Tokyo");
    expect(window.opensAt).toEqual(new Date("2026-11-22T15:00:00.000Z"));
    expect(window.dueAt).toEqual(new Date("2026-11-27T14:59:59.999Z"));
  });

  it("spans the new year in week 53", () => {
    const window = cycleWindow("2026-W53", "UTC");
    expect(window.opensAt).toEqual(new Date("2026-12-28T00:00:00.000Z"));
    expect(window.dueAt).toEqual(new Date("2027-01-01T23:59:59.999Z"));
    expect(window.closesAt).toEqual(new Date("2027-01-04T00:00:00.000Z"));
  });

  it("is 167 hours long in a week where clocks go forward and 169 where they go back", () => {
    const hours = (w: { opensAt: Date; closesAt: Date }) => (w.closesAt.getTime() - w.opensAt.getTime()) / 3_600_000;
    // Europe/Berlin: summer time starts Sunday 29 March 2026 and ends Sunday 25 October 2026.
    const spring = cycleWindow("2026-W13", "Europe/Berlin");
    const autumn = cycleWindow("2026-W43", "Europe/Berlin");
    expect(hours(spring)).toBe(167);
    expect(hours(autumn)).toBe(169);
    // The due time stays at local midnight minus a millisecond on Friday, before the change.
    expect(spring.dueAt).toEqual(new Date("2026-03-27T22:59:59.999Z"));
    expect(autumn.opensAt).toEqual(new Date("2026-10-18T22:00:00.000Z"));
    expect(autumn.closesAt).toEqual(new Date("2026-10-25T23:00:00.000Z"));
  });

  it("chains weeks without a gap or an overlap across a US clock change", () => {
    // America/New_York: clocks go forward on Sunday 8 March 2026, the last day of 2026-W10.
    const before = cycleWindow("2026-W10", "America/New_York");
    const after = cycleWindow("2026-W11", "America/New_York");
    expect(before.opensAt).toEqual(new Date("2026-03-02T05:00:00.000Z"));
    expect(before.closesAt).toEqual(after.opensAt);
    expect(after.opensAt).toEqual(new Date("2026-03-09T04:00:00.000Z"));
    expect(after.dueAt).toEqual(new Date("2026-03-14T03:59:59.999Z"));
  });

  it("refuses a week that does not exist", () => {
    expect(() => cycleWindow("2025-W53", "UTC")).toThrow(RangeError);
  });
});

describe("shiftIsoWeek", () => {
  it("moves across year boundaries, through week 53", () => {
    expect(shiftIsoWeek("2026-W52", 1)).toBe("2026-W53");
    expect(shiftIsoWeek("2026-W53", 1)).toBe("2027-W01");
    expect(shiftIsoWeek("2027-W01", -1)).toBe("2026-W53");
    expect(shiftIsoWeek("2026-W01", -1)).toBe("2025-W52");
    expect(shiftIsoWeek("2026-W48", -12)).toBe("2026-W36");
  });
});

describe("currentCycleWindow", () => {
  it("is the window containing now", () => {
    const now = new Date("2026-11-25T10:00:00Z");
    const window = currentCycleWindow(now, "UTC");
    expect(window.isoWeek).toBe("2026-W48");
    expect(window.opensAt.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(window.closesAt.getTime()).toBeGreaterThan(now.getTime());
  });
});
