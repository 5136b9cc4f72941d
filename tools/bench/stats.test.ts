import { describe, expect, it } from "vitest";
import { percentile, summarize } from "./stats";

describe("percentile", () => {
  it("is the nearest-rank sample, whatever the order of the samples", () => {
    const samples = [50, 10, 40, 20, 30];
    expect(percentile(samples, 50)).toBe(30);
    expect(percentile(samples, 95)).toBe(50);
    expect(percentile(samples, 20)).toBe(10);
    expect(percentile(samples, 21)).toBe(20);
    expect(percentile(samples, 100)).toBe(50);
  });

  it("lets one slow outlier in 30 runs pass p95 but not two", () => {
    const fast = Array.from({ length: 28 }, (_, i) => 100 + i);
    expect(percentile([...fast, 101, 900], 95)).toBe(127);
    expect(percentile([...fast, 800, 900], 95)).toBe(800);
  });

  it("refuses no samples and percentiles outside (0, 100]", () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe("summarize", () => {
  it("gives runs, extremes, median, p95 and mean", () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ runs: 4, min: 1, p50: 2, p95: 4, max: 4, mean: 2.5 });
  });

  it("refuses no samples", () => {
    expect(() => summarize([])).toThrow(RangeError);
  });
});
