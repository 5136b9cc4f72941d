import { parseArgs } from "node:util";
import type { BenchConfig } from "./run-bench";

/** The command line of `npm run bench`; throws an Error whose message says what is wrong. */
export function parseBenchArgs(args: string[]): BenchConfig & { json: boolean } {
  const { values } = parseArgs({
    args,
    options: {
      scale: { type: "string", default: "1" },
      runs: { type: "string", default: "30" },
      warmup: { type: "string", default: "5" },
      "write-runs": { type: "string", default: "10" },
      "cli-runs": { type: "string", default: "3" },
      "trend-runs": { type: "string", default: "5" },
      "floor-runs": { type: "string", default: "10" },
      seed: { type: "string", default: "20261123" },
      port: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const count = (name: keyof typeof values, minimum: number): number => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < minimum) throw new Error(`--${name} must be a whole number of at least ${minimum}, not "${values[name]}".`);
    return value;
  };
  const scale = Number(values.scale);
  if (!(scale > 0 && scale <= 10)) throw new Error(`--scale must be a number above 0 and at most 10, not "${values.scale}".`);
  return {
    scale,
    seed: count("seed", 0),
    runs: count("runs", 1),
    warmup: count("warmup", 0),
    writeRuns: count("write-runs", 1),
    cliRuns: count("cli-runs", 1),
    trendRuns: count("trend-runs", 1),
    floorRuns: count("floor-runs", 1),
    port: values.port === undefined ? undefined : count("port", 1),
    json: values.json,
  };
}
