import type { Route } from "next";
import Link from "next/link";
import { CellState } from "@/components/people/cell-state";
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
              <div className="table-wrap">
                <table className={`data-table ${styles.cellsTable}`}>
                  <thead>
                    <tr>
                      <th scope="col">Asset</th>
                      <th scope="col">Concern</th>
                      <th scope="col">State</th>
                    </tr>
                  </thead>
                  <tbody>
                    {groups[role].map((cell) => (
                      <tr key={`${cell.assetId}:${cell.concernId}`}>
                        <td>
                          <Link href={`/assets/${cell.assetKey}` as Route}>
                            {labels.assetNames.get(cell.assetId) ?? cell.assetKey}
                          </Link>
                        </td>
                        <td>{labels.concernNames.get(cell.concernKey) ?? cell.concernKey}</td>
                        <td>
                          <CellState cell={cell} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        ))}
    </section>
  );
}
