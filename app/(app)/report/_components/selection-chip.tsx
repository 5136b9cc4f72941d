import type { Route } from "next";
import Link from "next/link";
import { viewQuery, type ReportPageView } from "@/lib/report/report-params";
import { reportHref } from "@/lib/report/selection";

/** The chart element the table is narrowed to, with the way back to the whole list. */
export function SelectionChip({ view, label }: { view: ReportPageView; label: string }) {
  return (
    <p className="report-selection" data-testid="report-selection" role="status">
      <span>
        Showing the cells behind: <strong>{label}</strong>
      </span>
      <Link href={`${reportHref(viewQuery(view, { selection: {}, page: undefined }))}#report-table` as Route} className="report-selection-clear">
        Clear<span className="visually-hidden"> the selection</span>
      </Link>
    </p>
  );
}
