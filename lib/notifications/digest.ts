import type { Db } from "@/lib/db/client";
import { listTopGaps, listTopHotspots } from "@/lib/home/top-cells";
import { loadReport } from "@/lib/report/load-report";
import { loadCoverageTrend } from "@/lib/report/trend";
import { GAP_LABEL, type CoverageFigure } from "@/lib/rules";
import { loadPreferences } from "./preferences";
import type { PersonMessage } from "./notify";

/**
 * The weekly digest, for those who opt in (viewers and executives, mostly): coverage now and a week ago by
 * concern home, the five top gaps and hotspots, and the teams whose review of last week is overdue. Nothing is
 * computed when nobody wants it.
 */
export async function digestMessages(db: Db, isoWeek: string, now: Date, overdueTeams: readonly string[]): Promise<PersonMessage[]> {
  const people = await db.person.findMany({ where: { deactivatedAt: null, role: { not: "none" } }, select: { id: true } });
  const wants = await loadPreferences(db, people.map((person) => person.id));
  const readers = people.filter((person) => wants(person.id, "weekly_digest", "in-app") || wants(person.id, "weekly_digest", "mail"));
  if (readers.length === 0) return [];
  const [report, trend] = await Promise.all([loadReport(db, {}, now), loadCoverageTrend(db, {}, 2, now)]);
  const [weekAgo, current] = trend.length >= 2 ? [trend[0]!, trend[1]!] : [undefined, trend[0]];
  const percent = (figure: CoverageFigure | undefined) => (figure?.percent == null ? "–" : `${figure.percent}%`);
  const coverage = (home: "overall" | "marketing" | "it" | "shared", label: string) => `${label} ${percent(current?.[home])} (a week ago ${percent(weekAgo?.[home])})`;
  const gaps = listTopGaps(report).map((cell) => `- ${cell.assetName} · ${cell.concernName}: ${cell.gaps.map((gap) => GAP_LABEL[gap.type]).join(", ")}`);
  const hotspots = listTopHotspots(report).map((cell) => `- ${cell.assetName} · ${cell.concernName} (score ${cell.score})`);
  const body = [
    `Coverage: ${coverage("overall", "all")}; ${coverage("marketing", "marketing")}; ${coverage("it", "IT")}; ${coverage("shared", "shared")}.`,
    `Top gaps:\n${gaps.join("\n") || "- none"}`,
    `Collaboration hotspots:\n${hotspots.join("\n") || "- none"}`,
    `Reviews of last week overdue: ${overdueTeams.join(", ") || "none"}.`,
  ].join("\n\n");
  return readers.map((reader) => ({ kind: "weekly_digest", personId: reader.id, dedupeKey: `weekly-digest:${isoWeek}:person:${reader.id}`, title: `Tandem's week ${isoWeek}: ownership at a glance`, body, link: "/report", notBefore: now }));
}
