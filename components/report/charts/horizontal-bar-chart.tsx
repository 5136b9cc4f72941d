"use client";

import type { ReactNode } from "react";
import { BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis, type YAxisProps } from "recharts";

/**
 * The frame of the report's horizontal bar charts: a row per category, labelled on the left by `tick`,
 * bars measured from zero along `ticks`. The bars, the tooltip and any reference line are its children.
 */
export function HorizontalBarChart({
  rows,
  categoryKey,
  labelWidth,
  tick,
  ticks,
  margin,
  children,
}: {
  rows: object[];
  categoryKey: string;
  labelWidth: number;
  tick: YAxisProps["tick"];
  ticks: number[];
  margin: { top: number; right: number };
  children: ReactNode;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={rows}
        layout="vertical"
        margin={{ ...margin, bottom: 0, left: 8 }}
        accessibilityLayer={false}
        className="chart-clickable"
      >
        <CartesianGrid stroke="#e6e9ee" horizontal={false} />
        <XAxis type="number" domain={[0, ticks.at(-1)!]} ticks={ticks} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey={categoryKey} width={labelWidth} interval={0} tick={tick} />
        {children}
      </BarChart>
    </ResponsiveContainer>
  );
}
