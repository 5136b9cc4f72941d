import type { BenchReport } from "./run-bench";
import type { Summary } from "./stats";
import type { ScreenTimings, TargetResult } from "./targets";

const MB = 1024 * 1024;

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const pad = (text: string, width: number) => text.padEnd(width);
const padLeft = (text: string, width: number) => text.padStart(width);
const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(" ");

export function formatTargetValue(target: Pick<TargetResult, "unit" | "value">): string {
  if (target.unit === "x") return `${target.value.toFixed(1)}×`;
  if (target.unit === "MB") return `${target.value.toFixed(0)} MB`;
  return `${ms(target.value)} ms`;
}

function formatLimit(target: TargetResult): string {
  const sign = target.rule === "below" ? "<" : "≤";
  return `${sign} ${formatTargetValue({ unit: target.unit, value: target.limit })}`;
}

/** The bench's human-readable output: what was measured on what, the timings, and the targets. */
export function formatBenchReport(report: BenchReport): string {
  const { counts } = report.database;
  const m = report.measurements;
  const floor = report.floor.bestMs;
  const team = report.subjects.largestTeam;
  const size = report.responseBytes;
  const screens: [string, keyof ScreenTimings, number | null][] = [
    [`Home ${report.paths.home}`, "home", size.home],
    [`Matrix ${report.paths.matrix}`, "matrix", size.matrix],
    [`Review ${report.paths.review} (largest team's manager)`, "review", size.review],
    [`Gap report ${report.paths.report}`, "report", size.report],
    [`CSV ${report.paths.csv}: first byte`, "csvFirstByte", null],
    [`CSV ${report.paths.csv}: complete`, "csvTotal", size.csv],
  ];
  const others: [string, Summary][] = [
    ["Report JSON: npm run report -- --format json (whole command)", m.reportJsonCli],
    ["52-week coverage trend, cold (in-process)", m.trendCold],
    ["52-week coverage trend, cached (in-process)", m.trendCached],
  ];
  const agree =
    report.appCoverage.inScope === report.floor.inScope &&
    report.appCoverage.covered === report.floor.covered;
  const ratio = (summary: Summary) => `${(summary.p95 / floor).toFixed(1)}×`;
  const lines = [
    `Tandem bench, ${report.date}: scale ${report.config.scale}, seed ${report.config.seed}`,
    `Machine: ${report.machine.cores} cores (${report.machine.cpu}), ${report.machine.memoryGb} GB; load average ${load(report.machine.loadBefore)} before, ${load(report.machine.loadAfter)} after`,
    `Data: ${counts.assets} assets, ${counts.cells} cells, ${counts.teams} teams, ${counts.people} people, ${counts.assignments} assignments, ` +
      `${counts.reviews} reviews with ${counts.reviewItems} decisions and ${counts.confirmations} confirmations; loaded in ${report.database.loadSeconds.toFixed(1)} s (${report.database.where})`,
    `Largest team: ${team.name} (id ${team.id}, ${team.members} people, A or R on ${team.cells} cells), signed in as ${team.managerEmail}`,
    `Build: ${report.build}. Screens: ${report.config.runs} requests each after ${report.config.warmup} warm-up rounds ("warm"), ` +
      `then ${report.config.writeRuns} each right after a write ("after write"), one request at a time.`,
    "",
    [
      pad("screen (times in ms)", 50),
      padLeft("warm p50", 10),
      padLeft("p95", 8),
      padLeft("after write p50", 17),
      padLeft("p95", 8),
      padLeft("p95/floor", 19),
      padLeft("size", 10),
    ].join(""),
    ...screens.map(([label, id, bytes]) =>
      [
        pad(label, 50),
        padLeft(ms(m.steady[id].p50), 10),
        padLeft(ms(m.steady[id].p95), 8),
        padLeft(ms(m.afterWrite[id].p50), 17),
        padLeft(ms(m.afterWrite[id].p95), 8),
        padLeft(`${ratio(m.steady[id])} / ${ratio(m.afterWrite[id])}`, 19),
        padLeft(bytes === null ? "" : `${Math.round(bytes / 1024)} KB`, 10),
      ].join(""),
    ),
    "",
    `${pad("other (times in ms)", 62)}${padLeft("p50", 8)}${padLeft("p95", 8)}`,
    ...others.map(
      ([label, summary]) => `${pad(label, 62)}${padLeft(ms(summary.p50), 8)}${padLeft(ms(summary.p95), 8)}`,
    ),
    `${pad(`SQL floor: overall coverage in one query (best of ${report.floor.runs})`, 62)}${padLeft(ms(floor), 8)}`,
    `${pad("Server peak memory (RSS of the next-server process tree)", 62)}${padLeft(`${(m.peakMemoryBytes / MB).toFixed(0)} MB`, 16)}`,
    "",
    `Coverage now: app ${report.appCoverage.covered}/${report.appCoverage.inScope}, SQL floor ${report.floor.covered}/${report.floor.inScope}: ${agree ? "they agree" : "THEY DIFFER"}`,
    "",
    `${pad("target", 48)}${padLeft("value", 10)}${padLeft("limit", 12)}  result`,
    ...report.targets.map(
      (target) =>
        `${pad(target.label, 48)}${padLeft(formatTargetValue(target), 10)}${padLeft(formatLimit(target), 12)}  ${target.pass ? "PASS" : "MISS"}`,
    ),
    "",
    `${report.targets.filter((target) => target.pass).length} of ${report.targets.length} targets met (issue 7 sets them for the default scale on a 2-core machine).`,
  ];
  return `${lines.join("\n")}\n`;
}
