import type { HandoffFlow } from "./load-report";

// The hand-off flow chart's data: the largest flows between teams, as Sankey nodes and links.

export interface SankeyTeamNode {
  name: string;
  teamId: number;
  side: "from" | "to";
}

export interface SankeyFlowLink {
  source: number;
  target: number;
  value: number;
  /** `fromTeamId-toTeamId`, the drill-down value. */
  handoff: string;
  from: string;
  to: string;
  cells: string[];
}

/** How many flows the hand-off chart draws: beyond a few dozen a flow chart is no longer readable. */
export const TOP_HANDOFF_FLOWS = 25;

/**
 * Hand-offs as a two-column flow. A team can both hand off and receive, so each team gets a source node
 * ("Web Platform →") and a target node ("→ Brand & Content"): the graph stays acyclic, as Sankey needs.
 */

/** The largest flows (the report lists them largest first), with the totals of all of them for the summary. */
export function largestHandoffFlows(flows: readonly HandoffFlow[], limit = TOP_HANDOFF_FLOWS): { flows: HandoffFlow[]; flowCount: number; handoffCount: number } {
  return { flows: flows.slice(0, limit), flowCount: flows.length, handoffCount: flows.reduce((sum, flow) => sum + flow.count, 0) };
}

export function shapeHandoffSankey(flows: readonly HandoffFlow[]): { nodes: SankeyTeamNode[]; links: SankeyFlowLink[] } {
  const nodes: SankeyTeamNode[] = [];
  const index = new Map<string, number>();
  const nodeIndex = (side: "from" | "to", teamId: number, team: string) => {
    const key = `${side}:${teamId}`;
    if (!index.has(key)) {
      index.set(key, nodes.length);
      nodes.push({ name: side === "from" ? `${team} →` : `→ ${team}`, teamId, side });
    }
    return index.get(key)!;
  };
  const links = flows
    .filter((flow) => flow.count > 0)
    .map((flow) => ({
      source: nodeIndex("from", flow.fromTeamId, flow.from),
      target: nodeIndex("to", flow.toTeamId, flow.to),
      value: flow.count,
      handoff: `${flow.fromTeamId}-${flow.toTeamId}`,
      from: flow.from,
      to: flow.to,
      cells: flow.cells,
    }));
  return { nodes, links };
}
