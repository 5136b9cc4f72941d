import type { LatencySummary } from "./requests";
import type { LoadTestResult } from "./run-load-test";
import type { WriteKind } from "./virtual-user";

/** The load test's report as plain text, in the shape the README quotes. */
export function formatReport(
  result: LoadTestResult,
  origin: string,
  verificationSkipped: string | null,
): string {
  const { users, machine, setup, signIn, run } = result;
  const lines = [
    `Tandem load test: ${users.managers + users.viewers} users (${users.managers} managers, ${users.viewers} viewers, on ${users.accounts} accounts) against ${origin}`,
    `Machine running the load test: ${machine.cpus} CPUs, load average ${machine.loadBefore.toFixed(1)} before the mix and ${machine.loadAfter.toFixed(1)} after it`,
    `Set-up: ${users.managers + users.viewers} sign-ins (${signIn.count} requests: CSRF token, credentials, /api/me), p50 ${ms(signIn.p50)}, p95 ${ms(signIn.p95)}; ${setup.editableCells} cells to edit and ${setup.reviewItems} review items in ${setup.reviews} reviews, each with one writer`,
    "",
    `Mix for ${run.seconds.toFixed(1)} s: ${run.overall.count} requests, ${run.overall.perSecond.toFixed(1)} requests/s`,
    latencyTable("request", [run.overall, ...run.byKind]),
    "",
    latencyTable("page view", run.byPage),
    "",
    outcomesTable(result),
    "",
    verificationLine(result, verificationSkipped),
  ];
  if (result.log.unexpectedAnswers.length)
    lines.push(
      "",
      "Unexpected answers (first ones):",
      ...result.log.unexpectedAnswers.map((answer) => `  ${answer}`),
    );
  lines.push(
    "",
    result.failures.length
      ? ["FAILED:", ...result.failures.map((failure) => `  - ${failure}`)].join("\n")
      : passedLine(result),
  );
  return lines.join("\n");
}

function passedLine(result: LoadTestResult): string {
  const writes = result.verification
    ? "every acknowledged write is in the database"
    : "writes not checked against the database";
  return `PASSED: no 5xx, no request without an answer, ${writes}.`;
}

function latencyTable(heading: string, rows: readonly LatencySummary[]): string {
  return table(
    [heading, "count", "req/s", "p50", "p95", "p99", "max", "2xx", "3xx", "4xx", "5xx", "no answer"],
    rows.map((row) => [
      row.label,
      String(row.count),
      row.perSecond.toFixed(1),
      ms(row.p50),
      ms(row.p95),
      ms(row.p99),
      ms(row.max),
      String(row.statuses["2xx"]),
      String(row.statuses["3xx"]),
      String(row.statuses["4xx"]),
      String(row.statuses["5xx"]),
      String(row.statuses["no response"]),
    ]),
  );
}

const WRITE_LABELS: Record<WriteKind, string> = {
  "cell-edit": "cell edits (managers)",
  "review-decision": "review decisions (managers)",
  "refused-write": "writes by viewers",
};

function outcomesTable(result: LoadTestResult): string {
  return table(
    ["write", "acknowledged", "refused (403/409)", "no answer or 5xx", "other"],
    (Object.keys(WRITE_LABELS) as WriteKind[]).map((kind) => {
      const outcomes = result.log.outcomes[kind];
      return [
        WRITE_LABELS[kind],
        String(outcomes.acknowledged),
        String(outcomes.refused),
        String(outcomes.unanswered),
        String(outcomes.unexpected),
      ];
    }),
  );
}

function verificationLine(result: LoadTestResult, skipped: string | null): string {
  const check = result.verification;
  if (!check) return `Database check: skipped (${skipped ?? "no database URL"}).`;
  const line =
    `Database check: ${check.acknowledged - check.missing} of ${check.acknowledged} acknowledged writes found; ` +
    `${check.finalStates - check.finalMismatches} of ${check.finalStates} cells and review items hold their last acknowledged write; ` +
    `${check.refused - check.leftBehind} of ${check.refused} refused writes left nothing behind.`;
  return check.skipped.length ? `${line}\n  Not compared: ${check.skipped.join("; ")}` : line;
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  ")
      .trimEnd();
  return [render(header), ...rows.map(render)].join("\n");
}
