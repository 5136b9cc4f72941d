import { describe, expect, it } from "vitest";
import { statusClassOf, summarizeRecords, summarizeRun, type RequestRecord } from "./requests";

const record = (ms: number, overrides: Partial<RequestRecord> = {}): RequestRecord => ({
  kind: "page",
  label: "/",
  status: 200,
  ms,
  ...overrides,
});

describe("summarizeRecords", () => {
  it("gives nearest-rank percentiles over every request, and the rate over the window", () => {
    const records = Array.from({ length: 200 }, (_, index) => record(index + 1));
    const summary = summarizeRecords("all", records, 4);
    expect(summary).toMatchObject({ count: 200, perSecond: 50, p50: 100, p95: 190, p99: 198, max: 200 });
  });

  it("counts a slow failure in the latencies, and each status in its class", () => {
    const records = [
      record(10),
      record(20, { status: 302 }),
      record(30, { status: 409 }),
      record(40, { status: 503 }),
      record(30_000, { status: 0 }),
    ];
    const summary = summarizeRecords("all", records, 1);
    expect(summary.statuses).toEqual({ "2xx": 1, "3xx": 1, "4xx": 1, "5xx": 1, "no response": 1 });
    expect(summary.max).toBe(30_000);
    expect(summary.p99).toBe(30_000);
  });

  it("answers zeros for a kind that sent nothing", () => {
    expect(summarizeRecords("none", [], 10)).toMatchObject({
      count: 0,
      perSecond: 0,
      p50: 0,
      p99: 0,
      max: 0,
    });
  });
});

describe("summarizeRun", () => {
  it("splits the run by kind, in a fixed order, and page views by path", () => {
    const run = summarizeRun(
      [
        record(5, { label: "/matrix" }),
        record(7, { kind: "review-decision", label: "review-decision" }),
        record(9, { label: "/" }),
        record(11, { kind: "cell-edit", label: "cell-edit" }),
      ],
      2,
    );
    expect(run.overall.count).toBe(4);
    expect(run.byKind.map((kind) => [kind.label, kind.count])).toEqual([
      ["page", 2],
      ["cell-edit", 1],
      ["review-decision", 1],
    ]);
    expect(run.byPage.map((page) => page.label)).toEqual(["/", "/matrix"]);
  });
});

describe("statusClassOf", () => {
  it("puts a request without a response apart from every HTTP status", () => {
    expect([0, 200, 204, 302, 403, 499, 500, 503].map(statusClassOf)).toEqual([
      "no response",
      "2xx",
      "2xx",
      "3xx",
      "4xx",
      "4xx",
      "5xx",
      "5xx",
    ]);
  });
});
