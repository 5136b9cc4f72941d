"use client";

import { Rectangle, type BarShapeProps, type YAxisTickContentProps } from "recharts";
import { truncateLabel } from "@/lib/report/chart-data";
import { NEUTRAL } from "./palette";

/** How a chart element relates to the current drill-down: it, another one, or nothing selected here. */
export type MarkState = "selected" | "dimmed" | "plain";

export function markState(isSelected: boolean, somethingSelected: boolean): MarkState {
  if (isSelected) return "selected";
  return somethingSelected ? "dimmed" : "plain";
}

/** A bar segment: the selected one outlined in black, the others faded while something is selected. */
export function MarkedBar({ state, ...props }: BarShapeProps & { state: MarkState }) {
  return (
    <Rectangle
      {...props}
      fillOpacity={state === "dimmed" ? 0.35 : 1}
      stroke={state === "selected" ? NEUTRAL.text : "#ffffff"}
      strokeWidth={state === "selected" ? 2.5 : 1}
    />
  );
}

/**
 * A category label of a horizontal bar chart: shortened to fit, the full text in a tooltip, and an
 * optional second line and marker (e.g. the overload warning) so the label never relies on colour.
 */
export function CategoryTick({
  x,
  y,
  lines,
  maxLength,
  strong = false,
}: Pick<YAxisTickContentProps, "x" | "y"> & { lines: string[]; maxLength: number; strong?: boolean }) {
  const offset = ((lines.length - 1) * 14) / 2;
  return (
    <text x={Number(x)} y={Number(y) - offset} textAnchor="end" fontSize={12} fill={NEUTRAL.text} fontWeight={strong ? 700 : 400}>
      <title>{lines.join(" ")}</title>
      {lines.map((line, index) => (
        <tspan key={index} x={Number(x) - 4} dy={index === 0 ? 4 : 14}>
          {truncateLabel(line, maxLength)}
        </tspan>
      ))}
    </text>
  );
}
