import { parsePage } from "@/lib/validation/page-number";
import { parseReportFilters } from "./filters";
import { DEFAULT_GAP_TABLE_SORT, formatGapTableSort, parseGapTableSort } from "./gap-table";
import { parseReportSelection, reportQuery, type ReportSelection, type ReportView } from "./selection";
import { TREND_WEEK_OPTIONS, type TrendWeeks } from "./trend-types";

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** A report view as read from the URL: filters, drill-down, table state and trend length. */
export type ReportPageView = ReportView & { selection: ReportSelection; trendWeeks: TrendWeeks };

export const DEFAULT_TREND_WEEKS: TrendWeeks = 12;

/** Reads the URL leniently: a value that cannot be read is left out, never an error. */
export function parseReportView(raw: RawSearchParams): ReportPageView {
  const filters = parseReportFilters(raw);
  const sort = formatGapTableSort(parseGapTableSort(raw.sort));
  const weeks = Number(Array.isArray(raw.weeks) ? raw.weeks[0] : raw.weeks);
  const trendWeeks = TREND_WEEK_OPTIONS.find((option) => option === weeks) ?? DEFAULT_TREND_WEEKS;
  return {
    filters,
    selection: parseReportSelection(raw),
    sort: sort === formatGapTableSort(DEFAULT_GAP_TABLE_SORT) ? undefined : sort,
    page: parsePage(raw.page),
    trendWeeks,
  };
}

/** The same view without its default values, for links; `trendWeeks` is left out when it is the default. */
export function viewQuery(view: ReportPageView, changes: Partial<ReportView> = {}): ReportView {
  const merged = { ...view, ...changes };
  return { ...merged, trendWeeks: merged.trendWeeks === DEFAULT_TREND_WEEKS ? undefined : merged.trendWeeks };
}

/**
 * The clean URL query of a view when the request's differs from it: empty fields of the filter form and
 * unreadable values are dropped, so a shared link says only what it means. Null when already clean.
 */
export function canonicalReportQuery(raw: RawSearchParams): string | null {
  const canonical = reportQuery(viewQuery(parseReportView(raw)));
  const asked = Object.entries(raw)
    .flatMap(([key, value]) => (Array.isArray(value) ? value.map((entry) => [key, entry]) : value === undefined ? [] : [[key, value]]))
    .map(([key, value]) => `${key}=${value}`)
    .sort();
  const clean = [...new URLSearchParams(canonical).entries()].map(([key, value]) => `${key}=${value}`).sort();
  return asked.length === clean.length && asked.every((entry, i) => entry === clean[i]) ? null : canonical;
}
