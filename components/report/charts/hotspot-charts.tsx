"use client";

import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Bar, Tooltip } from "recharts";
import type { Report, ReportCatalog } from "@/lib/report/build-report";
import { countTicks, drillDownHref, plural, shortConcernName, type HotspotCellRow } from "@/lib/report/chart-data";
import type { ReportSelection, ReportView } from "@/lib/report/selection";
import { ChartFigure, ChartLegend, DrillLink, useReportNavigation } from "./chart-figure";
import { CategoryTick, MarkedBar, markState } from "./chart-marks";
import { HorizontalBarChart } from "./horizontal-bar-chart";
import { FUNCTION_COLOR, HOTSPOT_COLOR } from "./palette";

const TOP_GROUPS = 8;
const HOME_LABEL = { marketing: "Marketing", it: "IT", shared: "Shared" } as const;

interface HotspotBar {
  id: string;
  lines: string[];
  score: number;
  cells?: number;
  detail?: string;
  color: string;
  selection: ReportSelection;
  selected: boolean;
}

/**
 * Collaboration hotspots: the top cells by score, and the scores rolled up by concern and by
 * marketing x IT team pair. The section heading itself drills into all hotspot cells.
 */
export function HotspotCharts({
  topCells,
  hotspotCount,
  byConcern,
  byTeamPair,
  catalog,
  view,
}: {
  /** The top cells, shaped on the server: the page does not send every hotspot to the browser. */
  topCells: HotspotCellRow[];
  hotspotCount: number;
  byConcern: Report["hotspotsByConcern"];
  byTeamPair: Report["hotspotsByTeamPair"];
  catalog: Pick<ReportCatalog, "concerns">;
  view: ReportView;
}) {
  const selection = view.selection ?? {};
  const concernOf = new Map(catalog.concerns.map((concern) => [concern.key, concern]));

  const cellBars: HotspotBar[] = topCells.map((row) => ({
    id: row.cell,
    lines: [row.assetName, `· ${row.concernName}`],
    score: row.score,
    detail: [plural(row.flags, "flag"), plural(row.ownershipChanges, "ownership change"), plural(row.handoffs, "hand-off")].join(", "),
    color: HOTSPOT_COLOR,
    selection: { selCell: row.cell },
    selected: selection.selCell === row.cell,
  }));
  const concernBars: HotspotBar[] = byConcern.slice(0, TOP_GROUPS).map((row) => {
    const concern = concernOf.get(row.concernKey);
    return {
      id: row.concernKey,
      lines: [shortConcernName(concern?.name ?? row.concernKey)],
      score: row.score,
      cells: row.cells,
      detail: concern ? `${HOME_LABEL[concern.home]} concern` : undefined,
      color: concern ? FUNCTION_COLOR[concern.home] : HOTSPOT_COLOR,
      selection: { selConcern: row.concernKey, selHotspots: "1" },
      selected: selection.selHotspots === "1" && selection.selConcern === row.concernKey,
    };
  });
  const pairBars: HotspotBar[] = byTeamPair.slice(0, TOP_GROUPS).map((row) => {
    const pair = `${row.marketingTeamId}-${row.itTeamId}`;
    return {
      id: pair,
      lines: [row.marketingTeam, `× ${row.itTeam}`],
      score: row.score,
      cells: row.cells,
      color: HOTSPOT_COLOR,
      selection: { selPair: pair },
      selected: selection.selPair === pair,
    };
  });
  const allHotspots = selection.selHotspots === "1" && !selection.selConcern;

  return (
    <section className="chart-group" aria-labelledby="hotspot-charts-title">
      <h3 id="hotspot-charts-title" className="chart-group-title">
        <Link href={drillDownHref(view, { selHotspots: "1" }) as Route} aria-current={allHotspots ? "true" : undefined}>
          Collaboration hotspots
        </Link>{" "}
        <span className="muted">({hotspotCount} cells shared by marketing and IT)</span>
      </h3>
      <div className="chart-group-grid">
        <HotspotBarChart
          id="chart-hotspot-cells"
          title="Top hotspot cells"
          noun="Cell"
          bars={cellBars}
          view={view}
          labelWidth={190}
          rowHeight={40}
          summary={cellBars[0] ? `The hottest cell is ${cellBars[0].lines.join(" ")} with a score of ${cellBars[0].score}.` : "No collaboration hotspots for these filters."}
        />
        <HotspotBarChart
          id="chart-hotspots-by-concern"
          title="Hotspot score by concern"
          noun="Concern"
          bars={concernBars}
          view={view}
          labelWidth={170}
          legend={<ChartLegend items={(["marketing", "it", "shared"] as const).map((home) => ({ label: `${HOME_LABEL[home]} concern`, color: FUNCTION_COLOR[home] }))} />}
          summary={concernBars[0] ? `${concernBars[0].lines[0]} collects the most hotspot score (${concernBars[0].score} over ${concernBars[0].cells} cells).` : "No collaboration hotspots for these filters."}
        />
        <HotspotBarChart
          id="chart-hotspots-by-team-pair"
          title="Hotspot score by team pair"
          noun="Marketing × IT team"
          bars={pairBars}
          view={view}
          labelWidth={190}
          rowHeight={40}
          summary={
            pairBars[0]
              ? `${pairBars[0].lines[0]} and ${pairBars[0].lines[1]!.slice(2)} share the most hotspot score (${pairBars[0].score} over ${pairBars[0].cells} cells).`
              : "No collaboration hotspots for these filters."
          }
        />
      </div>
    </section>
  );
}

function HotspotBarChart({
  id,
  title,
  noun,
  bars,
  view,
  labelWidth,
  rowHeight = 28,
  legend,
  summary,
}: {
  id: string;
  title: string;
  noun: string;
  bars: HotspotBar[];
  view: ReportView;
  labelWidth: number;
  rowHeight?: number;
  legend?: ReactNode;
  summary: string;
}) {
  const navigate = useReportNavigation();
  const somethingSelected = bars.some((bar) => bar.selected);
  const byId = new Map(bars.map((bar) => [bar.id, bar]));
  const withCells = bars.some((bar) => bar.cells !== undefined);
  // Three charts share a row: fewer ticks keep the narrow axes legible.
  const ticks = countTicks(Math.max(0, ...bars.map((bar) => bar.score)), 4);
  return (
    <ChartFigure
      id={id}
      title={title}
      headingLevel={4}
      summary={summary}
      height={bars.length * rowHeight + 40}
      isEmpty={bars.length === 0}
      legend={legend}
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{noun}</th>
              <th scope="col" className="numeric">
                Score
              </th>
              {withCells ? (
                <th scope="col" className="numeric">
                  Cells
                </th>
              ) : (
                <th scope="col">Recent activity</th>
              )}
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.id}>
                <th scope="row">
                  <DrillLink href={drillDownHref(view, bar.selection)} selected={bar.selected}>
                    {bar.lines.join(" ")}
                  </DrillLink>
                </th>
                <td className="numeric">{bar.score}</td>
                {withCells ? <td className="numeric">{bar.cells}</td> : <td>{bar.detail}</td>}
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <HorizontalBarChart
        rows={bars}
        categoryKey="id"
        labelWidth={labelWidth}
        ticks={ticks}
        margin={{ top: 4, right: 20 }}
        tick={({ x, y, payload }) => {
          const bar = byId.get(String(payload.value));
          return <CategoryTick x={x} y={y} lines={bar?.lines ?? [String(payload.value)]} maxLength={Math.floor(labelWidth / 6.6)} strong={bar?.selected} />;
        }}
      >
        <Tooltip
          cursor={{ fill: "#f0f2f5" }}
          content={({ active, payload }) => {
            const bar = payload?.[0]?.payload as HotspotBar | undefined;
            if (!active || !bar) return null;
            return (
              <div className="chart-tooltip">
                <strong>{bar.lines.join(" ")}</strong>
                <br />
                Score {bar.score}
                {bar.cells !== undefined ? ` over ${bar.cells} cells` : ""}
                {bar.detail ? (
                  <>
                    <br />
                    {bar.detail}
                  </>
                ) : null}
              </div>
            );
          }}
        />
        <Bar
          dataKey="score"
          name="Score"
          isAnimationActive={false}
          onClick={(item) => navigate(drillDownHref(view, (item.payload as HotspotBar).selection))}
          shape={(props) => (
            <MarkedBar {...props} fill={(props.payload as HotspotBar).color} state={markState((props.payload as HotspotBar).selected, somethingSelected)} />
          )}
        />
      </HorizontalBarChart>
    </ChartFigure>
  );
}
