import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { GapBadge } from "@/components/ui/gap-badge";
import type { HomeCell, TopGap, TopHotspot } from "@/lib/home/top-cells";
import type { Criticality } from "@/lib/rules";
import { HOTSPOT_WINDOW_WEEKS } from "@/lib/report/load-report";
import { reportHref } from "@/lib/report/selection";

/** Home's top five gaps: each cell with its gap types and score, linking to the report drilled down to it. */
export function TopGaps({ gaps }: { gaps: TopGap[] }) {
  return (
    <TopCellsPanel
      id="top-gaps"
      title="Top gaps"
      empty="No gaps: every cell in scope is covered and confirmed."
      cells={gaps}
      details={(gap: TopGap) => gap.gaps.map((entry) => <GapBadge key={entry.type} type={entry.type} severity={entry.severity} />)}
      more={{ href: "/report", label: "Open the gap report" }}
    />
  );
}

/** Home's top five collaboration hotspots, linking to the report drilled down to each. */
export function TopHotspots({ hotspots }: { hotspots: TopHotspot[] }) {
  return (
    <TopCellsPanel
      id="top-hotspots"
      title="Top collaboration hotspots"
      empty="No cell is shared by marketing and IT yet."
      cells={hotspots}
      details={(hotspot: TopHotspot) => <span className="muted">{describeActivity(hotspot)}</span>}
      more={{ href: reportHref({ filters: {}, selection: { selHotspots: "1" } }), label: "Open the hotspots in the gap report" }}
    />
  );
}

function TopCellsPanel<Cell extends HomeCell>({
  id,
  title,
  empty,
  cells,
  details,
  more,
}: {
  id: string;
  title: string;
  empty: string;
  cells: Cell[];
  details: (cell: Cell) => ReactNode;
  more: { href: string; label: string };
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="panel" data-testid={id}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {cells.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol className="top-cells">
          {cells.map((cell) => (
            <li key={cell.cell} className="top-cell">
              <Link href={cell.href as Route} className="top-cell-link">
                {cell.assetName} · {cell.concernName}
              </Link>
              <span className="top-cell-score">
                score <strong>{cell.score}</strong>
              </span>
              <span className="top-cell-meta">
                {details(cell)}
                <span className="muted">{describeCriticality(cell.criticality)}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link href={more.href as Route}>{more.label}</Link>
      </p>
    </section>
  );
}

function describeCriticality(criticality: Criticality): string {
  return criticality === "critical" ? "critical asset" : `${criticality}-criticality asset`;
}

function describeActivity(hotspot: TopHotspot): string {
  const parts = [
    plural(hotspot.flags, "flag"),
    plural(hotspot.ownershipChanges, "ownership change"),
    plural(hotspot.handoffs, "hand-off"),
  ].filter((part): part is string => part !== null);
  const period = `in ${HOTSPOT_WINDOW_WEEKS} weeks`;
  return parts.length ? `${parts.join(", ")} ${period}` : `no flags, changes or hand-offs ${period}`;
}

function plural(count: number, noun: string): string | null {
  return count === 0 ? null : `${count} ${noun}${count === 1 ? "" : "s"}`;
}
