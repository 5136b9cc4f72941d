import type { CoverageFigure } from "@/lib/rules";

/** The trend lengths the report offers; 12 weeks is the default and what Home shows. */
export const TREND_WEEK_OPTIONS = [12, 26, 52] as const;
export type TrendWeeks = (typeof TREND_WEEK_OPTIONS)[number];

/** Coverage at the end of one ISO week (the last point is the report's as-of instant), overall and per concern home. */
export interface CoverageTrendPoint {
  /** ISO week in the review time zone, e.g. `2026-W47`. */
  week: string;
  /** The instant the figures are computed for (ISO string): the week's end, or the as-of instant for the last week. */
  at: string;
  /** The as-of date (YYYY-MM-DD) a click on this point sets, so the report shows that week. */
  asOfDate: string;
  overall: CoverageFigure;
  marketing: CoverageFigure;
  it: CoverageFigure;
  shared: CoverageFigure;
}
