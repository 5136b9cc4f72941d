import { describe, expect, it } from "vitest";
import { reportInstant } from "./filters";

describe("reportInstant", () => {
  const now = new Date("2026-12-03T12:00:00Z");

  it("is the last millisecond of the as-of day in the organisation's time zone", () => {
    expect(reportInstant({ asOf: "2026-11-02" }, now, "UTC")).toEqual(new Date("2026-11-02T23:59:59.999Z"));
    expect(reportInstant({ asOf: "2026-11-02" }, now, "Europe/Berlin")).toEqual(new Date("2026-11-02T22:59:59.999Z"));
    expect(reportInstant({ asOf: "2026-11-02" }, now, "America/New_York")).toEqual(new Date("2026-11-03T04:59:59.999Z"));
  });

  it("is now for today, a date still to come, or no date", () => {
    expect(reportInstant({ asOf: "2026-12-03" }, now, "UTC")).toEqual(now);
    expect(reportInstant({ asOf: "2027-01-01" }, now, "UTC")).toEqual(now);
    expect(reportInstant({}, now, "Pacific/Auckland")).toEqual(now);
  });
});
