"use client";

import { ResponsiveContainer, Sankey, Tooltip, type SankeyNodeProps, type SankeyLinkProps } from "recharts";
import type { ReportCatalog } from "@/lib/report/build-report";
import { drillDownHref, plural, truncateLabel } from "@/lib/report/chart-data";
import { shapeHandoffSankey, type SankeyFlowLink, type SankeyTeamNode } from "@/lib/report/handoff-chart-data";
import type { HandoffFlow } from "@/lib/report/load-report";
import type { ReportView } from "@/lib/report/selection";
import { ChartFigure, DrillLink, useReportNavigation } from "./chart-figure";
import { NEUTRAL, teamColors } from "./palette";

/**
 * Hand-offs between teams as a flow from the handing team (left) to the receiving team (right).
 * A link drills into the cells handed off between the two teams, a node into the team's cells.
 */
export function HandoffSankey({
  flows,
  flowCount,
  handoffCount,
  teams,
  windowWeeks,
  view,
}: {
  /** The largest flows, shaped on the server (`largestHandoffFlows`). */
  flows: HandoffFlow[];
  /** All flows and hand-offs of the window, drawn or not. */
  flowCount: number;
  handoffCount: number;
  teams: ReportCatalog["teams"];
  /** The weeks before the as-of date the hand-offs were counted in. */
  windowWeeks: number;
  view: ReportView;
}) {
  const navigate = useReportNavigation();
  const data = shapeHandoffSankey(flows);
  const colors = teamColors(teams);
  const selection = view.selection ?? {};
  const drawn = flowCount > data.links.length ? ` The ${data.links.length} largest of ${flowCount} flows are drawn and listed.` : "";
  const sources = data.nodes.filter((node) => node.side === "from").length;
  const targets = data.nodes.length - sources;
  const largest = [...data.links].sort((a, b) => b.value - a.value)[0];
  const period = `in the ${windowWeeks} weeks before the as-of date`;

  return (
    <ChartFigure
      id="chart-handoffs"
      title="Hand-offs between teams"
      summary={
        largest
          ? `${plural(handoffCount, "hand-off")} ${period}; the largest flow is ${largest.from} → ${largest.to} (${largest.value}).${drawn}`
          : `No hand-offs between teams ${period}.`
      }
      emptyText={`No hand-offs ${period}`}
      height={Math.max(sources, targets, 2) * 44 + 24}
      isEmpty={data.links.length === 0}
      table={
        <>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col" className="numeric">
                Hand-offs
              </th>
              <th scope="col">Cells</th>
            </tr>
          </thead>
          <tbody>
            {data.links.map((link) => {
              const [fromId, toId] = link.handoff.split("-").map(Number) as [number, number];
              return (
                <tr key={link.handoff}>
                  <td>
                    <DrillLink href={drillDownHref(view, { selTeam: fromId })} selected={selection.selTeam === fromId}>
                      {link.from}
                    </DrillLink>
                  </td>
                  <td>
                    <DrillLink href={drillDownHref(view, { selTeam: toId })} selected={selection.selTeam === toId}>
                      {link.to}
                    </DrillLink>
                  </td>
                  <td className="numeric">
                    <DrillLink href={drillDownHref(view, { selHandoff: link.handoff })} selected={selection.selHandoff === link.handoff}>
                      {link.value}
                    </DrillLink>
                  </td>
                  <td>{link.cells.join(", ")}</td>
                </tr>
              );
            })}
          </tbody>
        </>
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <Sankey
          data={data}
          nodePadding={18}
          nodeWidth={12}
          margin={{ top: 12, right: 8, bottom: 12, left: 8 }}
          accessibilityLayer={false}
          node={(props: SankeyNodeProps) => (
            <TeamNode {...props} color={colors.get((props.payload as unknown as SankeyTeamNode).teamId) ?? NEUTRAL.noTeam} selectedTeam={selection.selTeam} />
          )}
          link={(props: SankeyLinkProps) => {
            const link = props.payload as unknown as SankeyFlowLink & { source: SankeyTeamNode };
            const selected = selection.selHandoff === link.handoff;
            return (
              <path
                className="chart-clickable-mark"
                d={`M${props.sourceX},${props.sourceY} C${props.sourceControlX},${props.sourceY} ${props.targetControlX},${props.targetY} ${props.targetX},${props.targetY}`}
                fill="none"
                stroke={colors.get(link.source.teamId) ?? NEUTRAL.noTeam}
                strokeWidth={Math.max(props.linkWidth, 2)}
                strokeOpacity={selected ? 0.85 : selection.selHandoff ? 0.2 : 0.45}
              />
            );
          }}
          onClick={(item, type) => {
            if (type === "link") navigate(drillDownHref(view, { selHandoff: (item.payload as unknown as SankeyFlowLink).handoff }));
            else navigate(drillDownHref(view, { selTeam: (item.payload as unknown as SankeyTeamNode).teamId }));
          }}
        >
          <Tooltip
            content={({ active, payload }) => {
              const item = payload?.[0]?.payload?.payload as (SankeyFlowLink & { source: SankeyTeamNode }) | (SankeyTeamNode & { value: number }) | undefined;
              if (!active || !item) return null;
              return (
                <div className="chart-tooltip">
                  {"handoff" in item ? (
                    <>
                      <strong>
                        {item.from} → {item.to}
                      </strong>
                      <br />
                      {plural(item.value, "hand-off")}: {item.cells.join(", ")}
                    </>
                  ) : (
                    <>
                      <strong>{item.name}</strong>
                      <br />
                      {plural(item.value, "hand-off")} {item.side === "from" ? "given" : "received"}
                    </>
                  )}
                </div>
              );
            }}
          />
        </Sankey>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** A team's node with its name beside it, on the inner side so names stay within the chart. */
function TeamNode({ x, y, width, height, payload, color, selectedTeam }: SankeyNodeProps & { color: string; selectedTeam: number | undefined }) {
  const node = payload as unknown as SankeyTeamNode;
  const selected = selectedTeam === node.teamId;
  const labelX = node.side === "from" ? x + width + 6 : x - 6;
  return (
    <g className="chart-clickable-mark">
      <rect x={x} y={y} width={width} height={height} fill={color} stroke={selected ? NEUTRAL.text : "none"} strokeWidth={2} />
      <text x={labelX} y={y + height / 2 + 4} textAnchor={node.side === "from" ? "start" : "end"} fontSize={12} fontWeight={selected ? 700 : 500} fill={NEUTRAL.text}>
        <title>{node.name}</title>
        {truncateLabel(node.name, 30)}
      </text>
    </g>
  );
}
