import type { Route } from "next";
import Link from "next/link";
import { CellsTable } from "@/components/people/cells-table";
import { Pagination } from "@/components/ui/pagination";
import styles from "@/components/people/people.module.css";
import type { CellLabels } from "@/lib/people/queries";
import type { EvaluatedCell, RaciRole } from "@/lib/rules";

export const TEAM_CELLS_PAGE_SIZE = 50;

/** The team's cells (a member holds A or R), worst gaps first, with who holds A and R and the cell's state. */
export function TeamCells({
  teamId,
  cells,
  total,
  page,
  labels,
  names,
  memberIds,
}: {
  teamId: number;
  /** The cells of this page, in order. */
  cells: EvaluatedCell[];
  total: number;
  page: number;
  labels: CellLabels;
  names: Map<number, string>;
  memberIds: Set<number>;
}) {
  const holders = (cell: EvaluatedCell, role: RaciRole) => {
    const ids = [
      ...new Set(cell.holders.filter((holder) => holder.role === role).map((holder) => holder.personId)),
    ];
    if (ids.length === 0) return <span className="muted">—</span>;
    return ids.map((id, index) => (
      <span key={id}>
        {index > 0 ? ", " : ""}
        <Link
          href={`/people/${id}` as Route}
          className={memberIds.has(id) ? `${styles.holder} ${styles.member}` : styles.holder}
        >
          {names.get(id) ?? `#${id}`}
        </Link>
      </span>
    ));
  };
  return (
    <section className="panel" aria-labelledby="team-cells-heading">
      <h2 id="team-cells-heading">Cells</h2>
      <p className="muted">
        Every cell where a member is accountable (A) or responsible (R); members in bold, gaps first.
      </p>
      {total === 0 ? (
        <p className="muted">No member holds A or R on any cell.</p>
      ) : (
        <CellsTable cells={cells} labels={labels} holders={holders} testId="team-cells" />
      )}
      <Pagination
        basePath={`/teams/${teamId}`}
        searchParams={{}}
        page={page}
        pageSize={TEAM_CELLS_PAGE_SIZE}
        total={total}
      />
    </section>
  );
}
