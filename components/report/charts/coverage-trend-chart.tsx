"use client";

import type { Route } from "next";
import Link from "next/link";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/components/ui/coverage-bar";
import { asOfHref, describeTrend, shapeTrend, trendAxis, trendWeeksHref, type TrendRow } from "@/lib/report/chart-data";
import type { ReportView } from "@/lib/report/selection";
import { TREND_WEEK_OPTIONS, type CoverageTrendPoint } from "@/lib/report/trend-types";
import { ChartFigure, ChartLegend, useReportNavigation } from "./chart-figure";
import { FUNCTION_COLOR, FUNCTION_DASH } from "./palette";

const SERIES = [
  { key: "overall", label: "All concerns" },
  { key: "marketing", label: "Marketing concerns" },
  { key: "it", label: "IT concerns" },
  { key: "shared", label: "Shared concerns" },
] as const;

/**
 * Coverage % per week, overall and per concern home. A click on a week opens the report as of that week;
 * on Home (`compact`) the chart is smaller, has no length switch and its clicks open the report.
 */
export function CoverageTrendChart({
  points,
  view = { filters: {} },
  compact = false,
  headingLevel,
}: {
  points: CoverageTrendPoint[];
  view?: ReportView;
  compact?: boolean;
  headingLevel?: 2 | 3;
}) {
  const navigate = useReportNavigation();
  const rows = shapeTrend(points);
  const axis = trendAxis(rows);
  const weeks = view.trendWeeks ?? TREND_WEEK_OPTIONS[0];
  // Home links into the report with no filters of its own.
  const linkView: ReportView = compact ? { filters: {} } : view;
  const selectedWeek = view.filters.asOf ? rows.find((row) => row.asOfDate === view.filters.asOf)?.week : undefined;
  const isEmpty = rows.every((row) => row.overall === null);

  const openWeek = (row: TrendRow | undefined) => {
    if (row) navigate(asOfHref(linkView, row.asOfDate));
  };

  return (
    <ChartFigure
      id={compact ? "chart-coverage-trend-home" : "chart-coverage-trend"}
      title={compact ? `Coverage over ${rows.length} weeks` : "Coverage trend"}
      headingLevel={headingLevel}
      actions={compact ? null : <WeekSwitch view={view} current={weeks} />}
      summary={describeTrend(points)}
      height={compact ? 170 : 280}
      isEmpty={isEmpty}
      legend={
        <ChartLegend
          items={SERIES.map((entry) => ({ label: entry.label, color: FUNCTION_COLOR[entry.key], dash: FUNCTION_DASH[entry.key], line: true }))}
        />
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Week</th>
              {SERIES.map((entry) => (
                <th scope="col" className="numeric" key={entry.key}>
                  {entry.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.week}>
                <th scope="row">
                  <Link href={asOfHref(linkView, row.asOfDate) as Route} aria-current={row.week === selectedWeek ? "true" : undefined}>
                    {row.week}
                  </Link>{" "}
                  <span className="muted">as of {row.asOfDate}</span>
                </th>
                {SERIES.map((entry) => (
                  <td className="numeric" key={entry.key}>
                    {formatPercent(row[entry.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={rows}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          accessibilityLayer={false}
          className="chart-clickable"
          onClick={(state) => openWeek(rows.find((row) => row.week === state.activeLabel))}
        >
          <CartesianGrid stroke="#e6e9ee" vertical={false} />
          <XAxis dataKey="week" tickFormatter={(week: string) => week.slice(week.indexOf("-") + 1)} tick={{ fontSize: 12 }} minTickGap={12} />
          <YAxis domain={axis.domain} ticks={axis.ticks} allowDataOverflow tickFormatter={(value: number) => `${value}%`} tick={{ fontSize: 12 }} width={44} />
          <Tooltip
            formatter={(value) => formatPercent(typeof value === "number" ? value : null)}
            labelFormatter={(week, payload) => `${week} · as of ${(payload[0]?.payload as TrendRow | undefined)?.asOfDate ?? ""} (click to open)`}
          />
          {SERIES.map((entry) => (
            <Line
              key={entry.key}
              dataKey={entry.key}
              name={entry.label}
              stroke={FUNCTION_COLOR[entry.key]}
              strokeWidth={entry.key === "overall" ? 3 : 2}
              strokeDasharray={FUNCTION_DASH[entry.key]}
              dot={compact || rows.length > 26 ? false : { r: 2.5, strokeDasharray: "none", fill: FUNCTION_COLOR[entry.key] }}
              activeDot={{ r: 6 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

function WeekSwitch({ view, current }: { view: ReportView; current: number }) {
  return (
    <ul className="chart-switch" aria-label="Trend length">
      {TREND_WEEK_OPTIONS.map((weeks) => (
        <li key={weeks}>
          <Link href={trendWeeksHref(view, weeks) as Route} scroll={false} aria-current={weeks === current ? "true" : undefined}>
            {weeks} weeks
          </Link>
        </li>
      ))}
    </ul>
  );
}
