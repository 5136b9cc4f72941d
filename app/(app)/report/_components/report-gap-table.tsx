import type { Route } from "next";
import Link from "next/link";
import { CoveredBadge, GapBadge } from "@/components/ui/gap-badge";
import { CRITICALITY_LABEL, formatDay } from "@/lib/catalog/format";
import { formatGapTableSort, nextGapTableSort, type GapTable, type GapTableColumn, type GapTableRow } from "@/lib/report/gap-table";
import { viewQuery, type ReportPageView } from "@/lib/report/report-params";
import { reportHref } from "@/lib/report/selection";

const ROLE_NAME = { A: "Accountable", R: "Responsible", C: "Consulted", I: "Informed" } as const;
const SEVERITY_LABEL = { critical: "Critical", high: "High", medium: "Medium" } as const;

function SortHeader({ view, table, column, label, numeric }: { view: ReportPageView; table: GapTable; column: GapTableColumn; label: string; numeric?: boolean }) {
  const active = table.sort.column === column;
  const next = formatGapTableSort(nextGapTableSort(table.sort, column));
  const href = `${reportHref(viewQuery(view, { sort: next === "-score" ? undefined : next, page: undefined }))}#report-table`;
  return (
    <th scope="col" aria-sort={active ? (table.sort.descending ? "descending" : "ascending") : undefined} className={numeric ? "numeric" : undefined}>
      <Link href={href as Route} className="report-sort-link" data-testid={`sort-${column}`}>
        {label}
        {active ? <span aria-hidden="true">{table.sort.descending ? "\u00a0▼" : "\u00a0▲"}</span> : null}
      </Link>
    </th>
  );
}

function Holders({ row }: { row: GapTableRow }) {
  if (row.holders.length === 0) return <span className="muted">Nobody</span>;
  return (
    <ul className="report-holders">
      {row.holders.map((holder) => (
        <li key={`${holder.personId}-${holder.role}`}>
          <abbr className={`report-role report-role-${holder.role}`} title={ROLE_NAME[holder.role]}>
            {holder.role}
          </abbr>{" "}
          {holder.name}
          {holder.active ? null : <span className="report-left"> (left)</span>}
        </li>
      ))}
    </ul>
  );
}

/** The ranked gap table: one row per cell, sorted and paged on the server. */
export function ReportGapTable({ view, table, caption, timeZone }: { view: ReportPageView; table: GapTable; caption: string; timeZone: string }) {
  return (
    <div className="table-wrap">
      <table className="data-table report-table" data-testid="report-gap-table">
        <caption className="report-table-caption">{caption}</caption>
        <thead>
          <tr>
            <SortHeader view={view} table={table} column="asset" label="Asset" />
            <SortHeader view={view} table={table} column="concern" label="Concern" />
            <th scope="col">Gaps</th>
            <SortHeader view={view} table={table} column="severity" label="Severity" />
            <SortHeader view={view} table={table} column="criticality" label="Criticality" />
            <SortHeader view={view} table={table} column="score" label="Score" numeric />
            <th scope="col">Holders</th>
            <SortHeader view={view} table={table} column="lastConfirmed" label="Last confirmed" />
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={`${row.assetKey}/${row.concernKey}`} data-testid="report-row" data-cell={`${row.assetKey}/${row.concernKey}`}>
              <td className="report-cell-name">
                <Link href={`/assets/${row.assetKey}` as Route} className="report-asset-name">
                  {row.assetName}
                </Link>
                <span className="report-key">{row.assetKey}</span>
              </td>
              <td className="report-cell-name">
                <Link href={`/matrix?asset=${encodeURIComponent(row.assetKey)}&concern=${encodeURIComponent(row.concernKey)}` as Route}>{row.concernName}</Link>
                <span className="report-key">{row.concernKey}</span>
              </td>
              <td data-testid="row-gaps">
                {row.gaps.length === 0 ? <CoveredBadge /> : row.gaps.map((gap) => <GapBadge key={gap.type} type={gap.type} severity={gap.severity} />)}
              </td>
              <td data-testid="row-severity">{row.highestSeverity ? SEVERITY_LABEL[row.highestSeverity] : <span className="muted">None</span>}</td>
              <td data-testid="row-criticality">{CRITICALITY_LABEL[row.criticality]}</td>
              <td className="numeric" data-testid="row-score">
                {row.score}
              </td>
              <td>
                <Holders row={row} />
              </td>
              <td data-testid="row-last-confirmed">
                {row.lastConfirmed ? (
                  <time dateTime={row.lastConfirmed.toISOString()}>{formatDay(row.lastConfirmed, timeZone)}</time>
                ) : row.hasAccountable ? (
                  "Never"
                ) : (
                  <span className="muted" title="Nobody is accountable">
                    —
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
