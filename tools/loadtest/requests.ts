import { percentile } from "@/tools/bench/stats";

/** Every request the load test sends is recorded, and the report is computed from these records. */

export type RequestKind = "sign-in" | "page" | "cell-edit" | "review-decision" | "refused-write";

export interface RequestRecord {
  kind: RequestKind;
  /** The page's path for page views; the kind otherwise. */
  label: string;
  /** 0 when no response came (connection refused or reset, or the 30 s timeout). */
  status: number;
  /** From sending the request to having read the whole response body. */
  ms: number;
}

export const STATUS_CLASSES = ["2xx", "3xx", "4xx", "5xx", "no response"] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

export function statusClassOf(status: number): StatusClass {
  if (status >= 200 && status < 300) return "2xx";
  if (status >= 300 && status < 400) return "3xx";
  if (status >= 400 && status < 500) return "4xx";
  if (status >= 500) return "5xx";
  return "no response";
}

export interface LatencySummary {
  label: string;
  count: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<StatusClass, number>;
}

export interface RunSummary {
  seconds: number;
  overall: LatencySummary;
  byKind: LatencySummary[];
  byPage: LatencySummary[];
}

const KIND_ORDER: readonly RequestKind[] = [
  "page",
  "cell-edit",
  "review-decision",
  "refused-write",
  "sign-in",
];

/** Latencies include failed requests: a slow error costs the user as much as a slow page. */
export function summarizeRecords(
  label: string,
  records: readonly RequestRecord[],
  seconds: number,
): LatencySummary {
  const statuses = Object.fromEntries(STATUS_CLASSES.map((name) => [name, 0])) as Record<StatusClass, number>;
  for (const record of records) statuses[statusClassOf(record.status)]++;
  const latencies = records.map((record) => record.ms);
  const at = (percent: number) => (latencies.length ? percentile(latencies, percent) : 0);
  return {
    label,
    count: records.length,
    perSecond: seconds > 0 ? records.length / seconds : 0,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: latencies.reduce((max, ms) => Math.max(max, ms), 0),
    statuses,
  };
}

export function summarizeRun(records: readonly RequestRecord[], seconds: number): RunSummary {
  const byKind = KIND_ORDER.map((kind) =>
    summarizeRecords(
      kind,
      records.filter((record) => record.kind === kind),
      seconds,
    ),
  ).filter((summary) => summary.count > 0);
  const pages = [
    ...new Set(records.filter((record) => record.kind === "page").map((record) => record.label)),
  ].sort();
  const byPage = pages.map((path) =>
    summarizeRecords(
      path,
      records.filter((record) => record.kind === "page" && record.label === path),
      seconds,
    ),
  );
  return { seconds, overall: summarizeRecords("all", records, seconds), byKind, byPage };
}
