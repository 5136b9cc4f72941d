import type { Route } from "next";
import Link from "next/link";
import type { AssetRow } from "@/lib/catalog/asset-queries";
import { sortHref, type AssetListParams, type AssetSort } from "@/lib/catalog/asset-list-params";
import styles from "../assets.module.css";
import { AssetCoverageFigure, CriticalityPill, LifecycleLabel } from "./asset-labels";

function SortLink({ params, sort, label }: { params: AssetListParams; sort: AssetSort; label: string }) {
  const active = params.sort === sort;
  return (
    <Link href={sortHref(params, sort) as Route} className={styles.sortLink}>
      {label}
      {active ? <span aria-hidden="true">{params.dir === "asc" ? " ▲" : " ▼"}</span> : null}
    </Link>
  );
}

function ariaSortOf(params: AssetListParams, sorts: AssetSort[]) {
  if (!sorts.includes(params.sort)) return undefined;
  return params.dir === "asc" ? "ascending" : "descending";
}

function SortHeader({ params, sort, label }: { params: AssetListParams; sort: AssetSort; label: string }) {
  return (
    <th scope="col" aria-sort={ariaSortOf(params, [sort])}>
      <SortLink params={params} sort={sort} label={label} />
    </th>
  );
}

export function AssetTable({ rows, params }: { rows: AssetRow[]; params: AssetListParams }) {
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="asset-table">
        <thead>
          <tr>
            {/* The key sits under the name: both sort from this one column. */}
            <th scope="col" aria-sort={ariaSortOf(params, ["name", "key"])}>
              <SortLink params={params} sort="name" label="Name" />
              <span className={styles.sortSeparator} aria-hidden="true">
                /
              </span>
              <SortLink params={params} sort="key" label="Key" />
            </th>
            <SortHeader params={params} sort="kind" label="Kind" />
            <th scope="col">Vendor</th>
            <SortHeader params={params} sort="criticality" label="Criticality" />
            <SortHeader params={params} sort="lifecycle" label="Lifecycle" />
            <SortHeader params={params} sort="coverage" label="Coverage" />
            <th scope="col" className="numeric">
              Gaps
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid={`asset-row-${row.key}`}>
              <td className={styles.nameCell}>
                <Link href={`/assets/${row.key}` as Route} className={styles.assetName}>
                  {row.name}
                </Link>
                <span className={styles.key} data-testid="asset-key">
                  {row.key}
                </span>
              </td>
              <td data-testid="asset-kind">{row.kindLabel}</td>
              <td>{row.vendor ?? <span className="muted">—</span>}</td>
              <td>
                <CriticalityPill value={row.criticality} />
              </td>
              <td>
                <LifecycleLabel value={row.lifecycle} />
              </td>
              <td>
                <AssetCoverageFigure coverage={row.coverage} />
              </td>
              <td className="numeric">{row.coverage.inScope === 0 ? <span className="muted">—</span> : row.coverage.gaps}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
