import { Pagination } from "@/components/ui/pagination";
import type { GapTableSort } from "@/lib/report/gap-table";
import { viewQuery } from "@/lib/report/report-params";
import type { ReportPageData } from "@/lib/report/report-view";
import { reportQuery } from "@/lib/report/selection";
import { ReportGapTable } from "./report-gap-table";
import { SelectionChip } from "./selection-chip";

const SORT_WORDS: Record<GapTableSort["column"], [ascending: string, descending: string]> = {
  asset: ["asset key, A to Z", "asset key, Z to A"],
  concern: ["concern key, A to Z", "concern key, Z to A"],
  severity: ["highest severity, mildest first", "highest severity, worst first"],
  criticality: ["asset criticality, lowest first", "asset criticality, highest first"],
  score: ["score, lowest first", "score, highest first"],
  lastConfirmed: ["last confirmation, oldest first", "last confirmation, newest first"],
};

/** The ranked table under the charts: the drill-down chip, one page of cells, paging and the CSV download. */
export function ReportTableSection({ data }: { data: ReportPageData }) {
  const { view, table, selectionLabel, report, timeZone } = data;
  const hasFilters = Object.values(view.filters).some((value) => value !== undefined);
  const sortWords = SORT_WORDS[table.sort.column][table.sort.descending ? 1 : 0];
  const caption = `${selectionLabel ? "The cells behind the selection" : "Cells with gaps"}, sorted by ${sortWords}${table.sort.column === "score" && table.sort.descending ? " (the report's ranking)" : ""}. ${table.total} ${table.total === 1 ? "cell" : "cells"}.`;
  const exportQuery = reportQuery({ filters: view.filters, selection: view.selection });
  const pageQuery = Object.fromEntries(new URLSearchParams(reportQuery(viewQuery(view, { page: undefined }))));
  return (
    <section className="panel report-table-section" id="report-table" aria-labelledby="report-table-heading">
      <div className="report-table-header">
        <h2 id="report-table-heading">{selectionLabel ? "Cells behind the selection" : "Ranked gaps"}</h2>
        <a href={`/api/report/export${exportQuery ? `?${exportQuery}` : ""}`} className="button button-secondary report-download" download data-testid="report-download">
          Download CSV
        </a>
      </div>
      {selectionLabel ? <SelectionChip view={view} label={selectionLabel} /> : null}
      {table.total === 0 ? (
        <p className="report-empty" data-testid="report-empty">
          {emptyMessage({ selected: selectionLabel !== null, hasFilters, inScope: report.coverage.overall.inScope })}
        </p>
      ) : (
        <>
          <ReportGapTable view={view} table={table} caption={caption} timeZone={timeZone} />
          <Pagination basePath="/report" searchParams={pageQuery} page={table.page} pageSize={table.pageSize} total={table.total} fragment="report-table" />
        </>
      )}
    </section>
  );
}

function emptyMessage({ selected, hasFilters, inScope }: { selected: boolean; hasFilters: boolean; inScope: number }): string {
  if (inScope === 0) return hasFilters ? "No cell in scope matches these filters." : "There are no cells in scope yet: add assets and concerns to the catalog.";
  if (selected) return hasFilters ? "No cell behind this selection matches the filters." : "No cell is behind this selection.";
  return hasFilters ? "No gaps match these filters." : "No gaps: every cell in scope is covered and confirmed.";
}
