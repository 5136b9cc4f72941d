import type { Route } from "next";
import Link from "next/link";
import { CoveredBadge, GapBadge } from "@/components/ui/gap-badge";
import type { AssetCellRow, HolderName } from "@/lib/catalog/asset-detail";
import { formatDay } from "@/lib/catalog/format";
import type { RaciRole } from "@/lib/rules";
import { HomeLabel } from "./asset-labels";
import styles from "../assets.module.css";

const ROLES: { role: RaciRole; label: string }[] = [
  { role: "A", label: "Accountable" },
  { role: "R", label: "Responsible" },
  { role: "C", label: "Consulted" },
  { role: "I", label: "Informed" },
];

function Holders({ holders }: { holders: HolderName[] }) {
  if (holders.length === 0) return <span className="muted">—</span>;
  return (
    <ul className={styles.holders}>
      {holders.map((holder) => (
        <li key={holder.personId}>
          {holder.name} {holder.left ? <span className={styles.left}>(left)</span> : null}
        </li>
      ))}
    </ul>
  );
}

function CellState({ cell }: { cell: AssetCellRow }) {
  if (!cell.inScope) return <span className={styles.outOfScope}>Out of scope</span>;
  return (
    <>
      {cell.covered ? <CoveredBadge /> : null}
      {cell.gaps.map((gap) => (
        <GapBadge key={gap.type} type={gap.type} severity={gap.severity} />
      ))}
    </>
  );
}

export function AssetCellsTable({ assetKey, cells, timeZone }: { assetKey: string; cells: AssetCellRow[]; timeZone: string }) {
  if (cells.length === 0) return <p className="muted">No concern applies to this kind of asset.</p>;
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="asset-cells">
        <thead>
          <tr>
            <th scope="col">Concern</th>
            {ROLES.map(({ role, label }) => (
              <th scope="col" key={role} className={styles.roleCol}>
                {label}
              </th>
            ))}
            <th scope="col">State</th>
            <th scope="col">Last confirmed (A)</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((cell) => (
            <tr key={cell.concernKey} data-testid={`cell-${cell.concernKey}`}>
              <th scope="row" className={styles.rowHead}>
                <Link href={`/matrix?asset=${assetKey}&concern=${cell.concernKey}` as Route}>{cell.concernName}</Link>
                <br />
                <HomeLabel value={cell.concernHome} />
              </th>
              {ROLES.map(({ role }) => (
                <td key={role}>
                  <Holders holders={cell.holders[role]} />
                </td>
              ))}
              <td>
                <CellState cell={cell} />
              </td>
              <td>
                {cell.holders.A.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  cell.holders.A.map((holder) => (
                    <div key={holder.personId}>{holder.confirmedAt ? formatDay(holder.confirmedAt, timeZone) : <span className="muted">never</span>}</div>
                  ))
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
