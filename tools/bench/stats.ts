/** Timings in milliseconds, summarised the way the bench reports them. */
export interface Summary {
  runs: number;
  min: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

/**
 * The nearest-rank percentile: the smallest sample with at least `percent`% of the samples at or
 * below it. With 30 runs, p95 is the 29th fastest: one slow outlier does not decide it, two do.
 */
export function percentile(samples: readonly number[], percent: number): number {
  if (samples.length === 0) throw new RangeError("No samples");
  if (!(percent > 0 && percent <= 100)) throw new RangeError(`Not a percentile: ${percent}`);
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil((percent / 100) * sorted.length) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError("No samples");
  return {
    runs: samples.length,
    min: Math.min(...samples),
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: Math.max(...samples),
    mean: samples.reduce((sum, sample) => sum + sample, 0) / samples.length,
  };
}
