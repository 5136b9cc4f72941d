import { CellsTable } from "@/components/people/cells-table";
import styles from "@/components/people/people.module.css";
import type { CellLabels } from "@/lib/people/queries";
import type { EvaluatedCell, RaciRole } from "@/lib/rules";
import { RACI_ROLES } from "@/lib/people/figures";

const ROLE_TITLE: Record<RaciRole, string> = {
  A: "Accountable",
  R: "Responsible",
  C: "Consulted",
  I: "Informed",
};

/** The cells a person holds now, one table per RACI role, each cell linking to its asset. */
export function PersonCells({
  groups,
  labels,
}: {
  groups: Record<RaciRole, EvaluatedCell[]>;
  labels: CellLabels;
}) {
  const total = RACI_ROLES.reduce((sum, role) => sum + groups[role].length, 0);
  return (
    <section className="panel" aria-labelledby="cells-heading" data-testid="person-cells">
      <h2 id="cells-heading">Current cells</h2>
      {total === 0 ? <p className="muted">Holds no role on any cell right now.</p> : null}
      {total > 0 &&
        RACI_ROLES.map((role) => (
          <div key={role} className={styles.roleGroup} data-testid={`cells-${role}`}>
            <h3>
              {ROLE_TITLE[role]} ({role}) <span className={styles.count}>{groups[role].length}</span>
            </h3>
            {groups[role].length === 0 ? (
              <p className="muted">None.</p>
            ) : (
              <CellsTable cells={groups[role]} labels={labels} className={styles.cellsTable} />
            )}
          </div>
        ))}
    </section>
  );
}
