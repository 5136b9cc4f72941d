import { describe, expect, it } from "vitest";
import type { Summary } from "./stats";
import { evaluateTargets, TARGETS, type BenchMeasurements, type ScreenTimings } from "./targets";

const timing = (p95: number): Summary => ({
  runs: 30,
  min: p95 / 2,
  p50: p95 / 2,
  p95,
  max: p95,
  mean: p95 / 2,
});

const screens = (changes: Partial<ScreenTimings> = {}): ScreenTimings => ({
  home: timing(120),
  matrix: timing(150),
  review: timing(200),
  report: timing(400),
  csvFirstByte: timing(300),
  csvTotal: timing(450),
  ...changes,
});

function measurements(changes: Partial<BenchMeasurements> = {}): BenchMeasurements {
  return {
    steady: screens(),
    afterWrite: screens(),
    reportJsonCli: timing(3000),
    trendCold: timing(700),
    trendCached: timing(5),
    floorMs: 100,
    peakMemoryBytes: 500 * 1024 * 1024,
    ...changes,
  };
}

const verdicts = (m: BenchMeasurements) =>
  Object.fromEntries(evaluateTargets(m).map((target) => [target.id, target.pass]));
const missed = (m: BenchMeasurements) =>
  evaluateTargets(m)
    .filter((target) => !target.pass)
    .map((target) => target.id);

describe("evaluateTargets", () => {
  it("passes every target when each measurement is inside its limit", () => {
    const results = evaluateTargets(measurements());
    expect(results.map((target) => target.id)).toEqual(TARGETS.map((target) => target.id));
    expect(results.every((target) => target.pass)).toBe(true);
    expect(results.find((target) => target.id === "report-vs-floor")!.value).toBe(4);
    expect(results.find((target) => target.id === "memory")!.value).toBe(500);
  });

  it("misses a time limit reached exactly: the targets say under", () => {
    const result = verdicts(
      measurements({
        steady: screens({ home: timing(300), report: timing(500), csvFirstByte: timing(500) }),
        trendCached: timing(100),
      }),
    );
    expect(result).toMatchObject({
      "home-p95": false,
      "report-p95": false,
      "trend-cached": false,
      "csv-first-byte": false,
      "matrix-p95": true,
    });
  });

  it("accepts the report at exactly five times the floor and misses it above", () => {
    expect(
      verdicts(measurements({ steady: screens({ report: timing(450) }), floorMs: 90 }))["report-vs-floor"],
    ).toBe(true);
    expect(
      verdicts(measurements({ steady: screens({ report: timing(451) }), floorMs: 90 }))["report-vs-floor"],
    ).toBe(false);
  });

  it("checks the screens after a write apart from the warm ones", () => {
    expect(
      missed(measurements({ afterWrite: screens({ review: timing(900), report: timing(2000) }) })),
    ).toEqual(["report-p95-after-write", "report-vs-floor-after-write", "review-p95-after-write"]);
    expect(missed(measurements({ steady: screens({ matrix: timing(301) }) }))).toEqual(["matrix-p95"]);
  });

  it("judges the trend and the memory on their own measurements", () => {
    expect(missed(measurements({ trendCold: timing(1200), peakMemoryBytes: 800 * 1024 * 1024 }))).toEqual([
      "trend-cold",
      "memory",
    ]);
  });

  it("never passes a measurement that is not a number", () => {
    expect(
      verdicts(measurements({ floorMs: 0, steady: screens({ report: timing(0) }) }))["report-vs-floor"],
    ).toBe(false);
    expect(verdicts(measurements({ steady: screens({ home: timing(Number.NaN) }) }))["home-p95"]).toBe(false);
  });
});
