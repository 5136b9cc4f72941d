import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CoveredBadge, GapBadge } from "@/components/ui/gap-badge";
import type { CellLabels } from "@/lib/people/queries";
import type { EvaluatedCell } from "@/lib/rules";
import styles from "./people.module.css";

/**
 * Cells as the rules evaluated them, one a row: the asset (linking to its page), the concern and the
 * cell's state; with `holders`, who holds A and R in between.
 */
export function CellsTable({
  cells,
  labels,
  holders,
  className,
  testId,
}: {
  cells: EvaluatedCell[];
  labels: CellLabels;
  holders?: (cell: EvaluatedCell, role: "A" | "R") => ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div className="table-wrap">
      <table className={className ? `data-table ${className}` : "data-table"} data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Asset</th>
            <th scope="col">Concern</th>
            {holders ? (
              <>
                <th scope="col">Accountable</th>
                <th scope="col">Responsible</th>
              </>
            ) : null}
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((cell) => (
            <tr key={`${cell.assetId}:${cell.concernId}`}>
              <td>
                <Link href={`/assets/${cell.assetKey}` as Route}>
                  {labels.assetNames.get(cell.assetId) ?? cell.assetKey}
                </Link>
              </td>
              <td>{labels.concernNames.get(cell.concernKey) ?? cell.concernKey}</td>
              {holders ? (
                <>
                  <td>{holders(cell, "A")}</td>
                  <td>{holders(cell, "R")}</td>
                </>
              ) : null}
              <td>
                <CellState cell={cell} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A cell's state as the rules evaluated it: covered, its gaps, or out of scope for a retired asset. */
function CellState({ cell }: { cell: EvaluatedCell }) {
  if (!cell.inScope) return <span className="muted">Out of scope (retired asset)</span>;
  return (
    <span className={styles.states}>
      {cell.covered ? <CoveredBadge /> : null}
      {cell.gaps.map((gap) => (
        <GapBadge key={gap.type} type={gap.type} severity={gap.severity} />
      ))}
    </span>
  );
}
