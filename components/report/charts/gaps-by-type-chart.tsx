"use client";

import { Bar, Tooltip } from "recharts";
import { GAP_LABEL } from "@/lib/rules/gap-labels";
import type { Report, ReportCatalog } from "@/lib/report/build-report";
import { countTicks, drillDownHref, shapeGapsByType, type TeamSeries } from "@/lib/report/chart-data";
import type { ReportSelection, ReportView } from "@/lib/report/selection";
import type { GapType } from "@/lib/rules";
import { ChartFigure, ChartLegend, DrillLink, useReportNavigation } from "./chart-figure";
import { CategoryTick, MarkedBar, markState } from "./chart-marks";
import { HorizontalBarChart } from "./horizontal-bar-chart";
import { NEUTRAL, teamColors } from "./palette";

/** Gap rows per gap type, each bar split by the teams holding A or R on the cells; a segment drills into its cells. */
export function GapsByTypeChart({ data, teams, view }: { data: Report["gapsByTypeAndTeam"]; teams: ReportCatalog["teams"]; view: ReportView }) {
  const navigate = useReportNavigation();
  const { series, rows } = shapeGapsByType(data, teams);
  const colors = teamColors(teams);
  const colorOf = (entry: TeamSeries) => (entry.teamId === null ? NEUTRAL.noTeam : (colors.get(entry.teamId) ?? NEUTRAL.noTeam));
  const selection = view.selection ?? {};
  const selectionOf = (type: GapType, entry?: TeamSeries): ReportSelection =>
    entry?.teamId ? { selGap: type, selTeam: entry.teamId } : { selGap: type };
  const isSelected = (type: GapType, entry: TeamSeries) =>
    selection.selGap === type && (selection.selTeam === undefined || selection.selTeam === entry.teamId);
  const total = data.reduce((sum, row) => sum + row.total, 0);
  const top = [...rows].sort((a, b) => b.total - a.total)[0];
  // Stacked segments can add up past the total (a cell counts for each of its teams).
  const ticks = countTicks(Math.max(0, ...rows.map((row) => series.reduce((sum, entry) => sum + Number(row[entry.key] ?? 0), 0))));

  return (
    <ChartFigure
      id="chart-gaps-by-type"
      title="Gaps by type and team"
      summary={
        top
          ? `${total} gaps of ${rows.length} types; the most common is ${GAP_LABEL[top.type].toLowerCase()} (${top.total}). A cell counts once for each team holding it.`
          : "No gaps for these filters."
      }
      height={rows.length * 38 + 48}
      isEmpty={rows.length === 0}
      legend={<ChartLegend items={series.map((entry) => ({ label: entry.name, color: colorOf(entry) }))} />}
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Gap type</th>
              <th scope="col" className="numeric">
                Gaps
              </th>
              {series.map((entry) => (
                <th scope="col" className="numeric" key={entry.key}>
                  {entry.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.type}>
                <th scope="row">
                  <DrillLink href={drillDownHref(view, selectionOf(row.type))} selected={selection.selGap === row.type && !selection.selTeam}>
                    {GAP_LABEL[row.type]}
                  </DrillLink>
                </th>
                <td className="numeric">{row.total}</td>
                {series.map((entry) => {
                  const count = Number(row[entry.key] ?? 0);
                  return (
                    <td className="numeric" key={entry.key}>
                      {count > 0 && entry.teamId !== null ? (
                        <DrillLink
                          href={drillDownHref(view, selectionOf(row.type, entry))}
                          selected={selection.selGap === row.type && selection.selTeam === entry.teamId}
                        >
                          {count}
                        </DrillLink>
                      ) : (
                        count
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <HorizontalBarChart
        rows={rows}
        categoryKey="type"
        labelWidth={150}
        ticks={ticks}
        margin={{ top: 4, right: 16 }}
        tick={({ x, y, payload }) => (
          <CategoryTick x={x} y={y} lines={[GAP_LABEL[payload.value as GapType]]} maxLength={24} strong={payload.value === selection.selGap} />
        )}
      >
        <Tooltip labelFormatter={(type) => GAP_LABEL[type as GapType] ?? String(type)} cursor={{ fill: "#f0f2f5" }} />
        {series.map((entry) => (
          <Bar
            key={entry.key}
            dataKey={entry.key}
            name={entry.name}
            stackId="teams"
            fill={colorOf(entry)}
            isAnimationActive={false}
            onClick={(item) => navigate(drillDownHref(view, selectionOf(item.payload.type, entry)))}
            shape={(props) => (
              <MarkedBar {...props} state={markState(isSelected(props.payload.type, entry), selection.selGap !== undefined)} />
            )}
          />
        ))}
      </HorizontalBarChart>
    </ChartFigure>
  );
}
