import type { Criticality, Gap } from "@/lib/rules";
import type { LoadedReport } from "@/lib/report/load-report";
import { reportHref } from "@/lib/report/selection";

/** One cell on Home, linking to the report drilled down to it. */
export interface HomeCell {
  /** `assetKey/concernKey`. */
  cell: string;
  assetName: string;
  concernName: string;
  criticality: Criticality;
  score: number;
  href: string;
}

export interface TopGap extends HomeCell {
  gaps: Gap[];
}

export interface TopHotspot extends HomeCell {
  flags: number;
  ownershipChanges: number;
  handoffs: number;
}

export const HOME_TOP_COUNT = 5;

type HomeReport = Pick<LoadedReport, "gaps" | "hotspots" | "cells" | "catalog">;

/** The first cells of the report's gap ranking, with their gap types in the report's order. */
export function listTopGaps(report: HomeReport, count = HOME_TOP_COUNT): TopGap[] {
  const top = new Map<string, TopGap>();
  for (const gap of report.gaps) {
    const key = `${gap.assetKey}/${gap.concernKey}`;
    let entry = top.get(key);
    if (!entry) {
      if (top.size === count) break;
      entry = { ...describeCell(report, gap.assetKey, gap.concernKey, gap.score), gaps: [] };
      top.set(key, entry);
    }
    entry.gaps.push({ type: gap.type, severity: gap.severity });
  }
  return [...top.values()];
}

/** The report's highest-scoring collaboration hotspots. */
export function listTopHotspots(report: HomeReport, count = HOME_TOP_COUNT): TopHotspot[] {
  return report.hotspots.slice(0, count).map((hotspot) => ({
    ...describeCell(report, hotspot.assetKey, hotspot.concernKey, hotspot.score),
    flags: hotspot.flags,
    ownershipChanges: hotspot.ownershipChanges,
    handoffs: hotspot.handoffs,
  }));
}

function describeCell(report: HomeReport, assetKey: string, concernKey: string, score: number): HomeCell {
  const cell = `${assetKey}/${concernKey}`;
  const evaluated = report.cells.find((candidate) => candidate.assetKey === assetKey && candidate.concernKey === concernKey);
  return {
    cell,
    assetName: report.catalog.assets.find((asset) => asset.key === assetKey)?.name ?? assetKey,
    concernName: report.catalog.concerns.find((concern) => concern.key === concernKey)?.name ?? concernKey,
    criticality: evaluated?.assetCriticality ?? "low",
    score,
    href: reportHref({ filters: {}, selection: { selCell: cell } }),
  };
}
