import { CoveredBadge, GapBadge } from "@/components/ui/gap-badge";
import type { EvaluatedCell } from "@/lib/rules";
import styles from "./people.module.css";

/** A cell's state as the rules evaluated it: covered, its gaps, or out of scope for a retired asset. */
export function CellState({ cell }: { cell: Pick<EvaluatedCell, "inScope" | "covered" | "gaps"> }) {
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
