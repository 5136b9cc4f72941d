"use client";

import { ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, usePlotArea } from "recharts";
import { formatPercent } from "@/components/ui/coverage-bar";
import type { Report, ReportCatalog } from "@/lib/report/build-report";
import { drillDownHref, formatPercentRounded, heatStep, shapeHeatmap, shortConcernName, truncateLabel, type HeatmapSquare } from "@/lib/report/chart-data";
import type { ReportView } from "@/lib/report/selection";
import { ChartFigure, ChartLegend, DrillLink, useReportNavigation } from "./chart-figure";
import { CategoryTick } from "./chart-marks";
import { HEAT_STEPS, NEUTRAL } from "./palette";

const ROW_HEIGHT = 34;
const AXIS_HEIGHT = 118;

/**
 * Coverage % of each asset kind x concern pair, drawn as squares on two index axes. The percentage is
 * printed in every square and the blues only repeat it, so the chart reads without telling colours apart.
 */
export function CoverageHeatmap({
  data,
  catalog,
  view,
}: {
  data: Report["heatmap"];
  catalog: Pick<ReportCatalog, "kinds" | "concerns">;
  view: ReportView;
}) {
  const navigate = useReportNavigation();
  const { kinds, concerns, squares } = shapeHeatmap(data, catalog);
  const selection = view.selection ?? {};
  const isSelected = (square: HeatmapSquare) => square.kind === selection.selKind && square.concern === selection.selConcern;
  const hrefOf = (square: HeatmapSquare) => drillDownHref(view, { selKind: square.kind, selConcern: square.concern });
  const kindLabel = new Map(kinds.map((kind) => [kind.key, kind.label]));
  const concernName = new Map(concerns.map((concern) => [concern.key, concern.name]));
  const worst = squares.filter((square) => square.percent !== null).sort((a, b) => a.percent! - b.percent! || b.inScope - a.inScope)[0];

  return (
    <ChartFigure
      id="chart-coverage-heatmap"
      title="Coverage by asset kind and concern"
      summary={
        worst
          ? `${squares.length} kind × concern pairs; the weakest is ${kindLabel.get(worst.kind)} × ${shortConcernName(concernName.get(worst.concern) ?? worst.concern)} at ${formatPercentRounded(worst.percent)} (${worst.covered} of ${worst.inScope} cells covered).`
          : "No cells in scope for these filters."
      }
      height={kinds.length * ROW_HEIGHT + AXIS_HEIGHT + 8}
      isEmpty={squares.length === 0}
      legend={<ChartLegend items={HEAT_STEPS.map((step) => ({ label: step.label, color: step.fill }))} />}
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Asset kind</th>
              <th scope="col">Concern</th>
              <th scope="col" className="numeric">
                Coverage
              </th>
              <th scope="col" className="numeric">
                Covered cells
              </th>
            </tr>
          </thead>
          <tbody>
            {squares.map((square) => (
              <tr key={`${square.kind}/${square.concern}`}>
                <td>{kindLabel.get(square.kind)}</td>
                <td>
                  <DrillLink href={hrefOf(square)} selected={isSelected(square)}>
                    {concernName.get(square.concern)}
                  </DrillLink>
                </td>
                <td className="numeric">{formatPercent(square.percent)}</td>
                <td className="numeric">
                  {square.covered} of {square.inScope}
                </td>
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <XAxis
            type="number"
            dataKey="column"
            domain={[-0.5, concerns.length - 0.5]}
            ticks={concerns.map((_, index) => index)}
            interval={0}
            height={AXIS_HEIGHT}
            tickLine={false}
            axisLine={false}
            tick={({ x, y, payload }) => {
              const concern = concerns[payload.value as number];
              return (
                <text x={Number(x)} y={Number(y)} transform={`rotate(-40 ${Number(x)} ${Number(y)})`} textAnchor="end" fontSize={12} fill={NEUTRAL.text}>
                  <title>{concern?.name}</title>
                  {truncateLabel(shortConcernName(concern?.name ?? ""), 26)}
                </text>
              );
            }}
          />
          <YAxis
            type="number"
            dataKey="row"
            domain={[-0.5, kinds.length - 0.5]}
            ticks={kinds.map((_, index) => index)}
            interval={0}
            reversed
            width={150}
            tickLine={false}
            axisLine={false}
            tick={({ x, y, payload }) => {
              const kind = kinds[payload.value as number];
              return <CategoryTick x={x} y={y} lines={[kind?.label ?? ""]} maxLength={22} strong={kind !== undefined && kind.key === selection.selKind} />;
            }}
          />
          <Tooltip
            cursor={false}
            content={({ active, payload }) => {
              const square = payload?.[0]?.payload as HeatmapSquare | undefined;
              if (!active || !square) return null;
              return (
                <div className="chart-tooltip">
                  <strong>
                    {kindLabel.get(square.kind)} × {concernName.get(square.concern)}
                  </strong>
                  <br />
                  {formatPercent(square.percent)} covered ({square.covered} of {square.inScope} cells)
                </div>
              );
            }}
          />
          <Scatter
            data={squares}
            isAnimationActive={false}
            shape={
              <HeatSquare columns={concerns.length} rows={kinds.length} isSelected={isSelected} onPick={(square) => navigate(hrefOf(square))} />
            }
          />
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** One square, sized from the plot area so the grid fills the chart whatever its width. */
function HeatSquare({
  cx,
  cy,
  payload,
  columns,
  rows,
  isSelected,
  onPick,
}: {
  cx?: number;
  cy?: number;
  payload?: HeatmapSquare;
  columns: number;
  rows: number;
  isSelected: (square: HeatmapSquare) => boolean;
  onPick: (square: HeatmapSquare) => void;
}) {
  const plot = usePlotArea();
  if (!plot || cx === undefined || cy === undefined || !payload) return null;
  const width = plot.width / columns - 3;
  const height = plot.height / rows - 3;
  const step = heatStep(payload.percent);
  const colours = step === null ? { fill: "#ffffff", text: NEUTRAL.muted } : HEAT_STEPS[step];
  const selected = isSelected(payload);
  return (
    <g className="chart-clickable-mark" onClick={() => onPick(payload)}>
      <rect
        x={cx - width / 2}
        y={cy - height / 2}
        width={width}
        height={height}
        rx={3}
        fill={colours.fill}
        stroke={selected ? NEUTRAL.text : NEUTRAL.grid}
        strokeWidth={selected ? 3 : 1}
      />
      {width >= 26 ? (
        <text x={cx} y={cy + 4} textAnchor="middle" fontSize={11} fontWeight={selected ? 700 : 500} fill={colours.text}>
          {formatPercentRounded(payload.percent)}
        </text>
      ) : null}
    </g>
  );
}
