"use client";

import type { Route } from "next";
import Link from "next/link";
import { GAP_LABEL } from "@/lib/rules/gap-labels";
import type { Matrix, MatrixCell } from "@/lib/ownership/matrix";

const TONE_MARK = { covered: "✓", critical: "■", high: "▲", medium: "●", "out-of-scope": "–" } as const;
const HOME_LABEL: Record<string, string> = { marketing: "Marketing", it: "IT", shared: "Shared" };

export function MatrixGrid({
  matrix,
  selected,
  keep,
}: {
  matrix: Matrix;
  selected: { asset?: string; concern?: string };
  keep: Record<string, string | undefined>;
}) {
  if (matrix.rows.length === 0) return <p className="muted">No asset matches these filters.</p>;
  const cellHref = (assetKey: string, concernKey: string) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(keep)) if (value) query.set(key, value);
    query.set("asset", assetKey);
    query.set("concern", concernKey);
    return `/matrix?${query.toString()}` as Route;
  };
  return (
    <div className="matrix-scroll">
      <table className="matrix" data-testid="matrix">
        <thead>
          <tr>
            <th scope="col" className="matrix-corner">Asset</th>
            {matrix.concerns.map((concern) => (
              <th key={concern.key} scope="col" className={`matrix-concern home-${concern.home}`} title={`${concern.name} (${HOME_LABEL[concern.home]})`}>
                <span className="matrix-concern-name">{concern.name}</span>
                <span className="matrix-concern-home">{HOME_LABEL[concern.home]}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.asset.key}>
              <th scope="row" className="matrix-asset">
                <Link href={`/assets/${row.asset.key}` as Route}>{row.asset.name}</Link>
                <span className="muted">
                  {row.asset.kindLabel} · {row.asset.criticality}
                  {row.asset.retired ? " · retired" : ""}
                </span>
              </th>
              {row.cells.map((cell, index) => {
                const concern = matrix.concerns[index]!;
                if (!cell) {
                  return (
                    <td key={concern.key} className="matrix-cell tone-na">
                      <span className="visually-hidden">Does not apply</span>
                    </td>
                  );
                }
                const isSelected = selected.asset === row.asset.key && selected.concern === concern.key;
                return (
                  <td key={concern.key} className={`matrix-cell tone-${cell.tone}${isSelected ? " selected" : ""}`}>
                    <Link
                      href={cellHref(row.asset.key, concern.key)}
                      scroll={false}
                      aria-label={describeCell(row.asset.name, concern.name, cell)}
                      aria-current={isSelected ? "true" : undefined}
                      data-cell={`${row.asset.key}/${concern.key}`}
                      data-tone={cell.tone}
                    >
                      <span className="matrix-mark" aria-hidden="true">{TONE_MARK[cell.tone]}</span>
                      <span className="matrix-holder" aria-hidden="true">{cell.accountable.join(", ") || "no A"}</span>
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function describeCell(assetName: string, concernName: string, cell: MatrixCell): string {
  const state = cell.tone === "covered" && cell.gaps.length === 0 ? "covered" : cell.gaps.map((gap) => GAP_LABEL[gap]).join(", ") || cell.tone;
  const owner = cell.accountable.length ? `accountable ${cell.accountable.join(" and ")}` : "no accountable owner";
  return `${assetName}, ${concernName}: ${state}; ${owner}`;
}
