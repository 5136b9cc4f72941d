import type { Route } from "next";
import { z } from "zod";
import { GAP_TYPES } from "@/lib/rules";
import { reportFiltersSchema, reportFiltersToQuery, type ReportFilters } from "./filters";

/**
 * A drill-down: the chart element a reader clicked. Unlike the filters, which narrow the whole report
 * (charts included), a selection only narrows the table below the charts to "the cells behind" that
 * element, so the charts keep their context and the clicked element can be highlighted.
 * It lives in the URL next to the filters (`sel*` parameters) so a drilled-down view is a shareable link.
 */
const text = z.string().trim().min(1).max(200).optional().catch(undefined);
const teamPair = z
  .string()
  .max(40)
  .regex(/^\d+-\d+$/)
  .optional()
  .catch(undefined);

export const reportSelectionSchema = z.object({
  /** Gap type (gaps-by-type bars). */
  selGap: z.enum(GAP_TYPES as unknown as [string, ...string[]]).optional().catch(undefined),
  /** Team id whose members hold A or R (a team's segment of a bar, a Sankey node). */
  selTeam: z.coerce.number().int().positive().optional().catch(undefined),
  /** Asset kind key (heatmap row). */
  selKind: text,
  /** Concern key (heatmap column, hotspot roll-up by concern). */
  selConcern: text,
  /** One cell, as `assetKey/concernKey` (a hotspot bar). */
  selCell: text,
  /** Person email: the cells they are accountable for (person-load bar). */
  selPerson: text,
  /** `marketingTeamId-itTeamId`: hotspot cells shared by that pair (hotspot roll-up by team pair). */
  selPair: teamPair,
  /** `fromTeamId-toTeamId`: the cells handed off between those teams (a Sankey link). */
  selHandoff: teamPair,
  /** "1": only collaboration hotspot cells (the hotspot chart's heading). */
  selHotspots: z.literal("1").optional().catch(undefined),
});

export type ReportSelection = z.output<typeof reportSelectionSchema>;

/** The query of a report view's CSV download: its filters and its drill-down, each read leniently. */
export const reportExportQuerySchema = reportFiltersSchema.extend(reportSelectionSchema.shape).transform((query) => ({
  filters: reportFiltersSchema.parse(query),
  selection: reportSelectionSchema.parse(query),
}));

export type ReportExportQuery = z.output<typeof reportExportQuerySchema>;

export const SELECTION_KEYS = Object.keys(reportSelectionSchema.shape) as (keyof ReportSelection)[];

export function parseReportSelection(params: Record<string, string | string[] | undefined>): ReportSelection {
  const flat = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return reportSelectionSchema.parse(flat);
}

export function isEmptySelection(selection: ReportSelection): boolean {
  return SELECTION_KEYS.every((key) => selection[key] === undefined);
}

/** Splits `12-34` (a team pair or a hand-off) into its two team ids. */
export function parseTeamPair(value: string): [number, number] {
  const [first, second] = value.split("-").map(Number) as [number, number];
  return [first, second];
}

export interface ReportView {
  filters: ReportFilters;
  selection?: ReportSelection;
  /** Table state; dropped when the selection changes so a drill-down starts on page 1. */
  sort?: string;
  page?: number;
  trendWeeks?: number;
}

/** The query string (without `?`) of a report view, in a stable key order, for links and the CSV download. */
export function reportQuery(view: ReportView): string {
  const params = new URLSearchParams(reportFiltersToQuery(view.filters));
  for (const key of SELECTION_KEYS) {
    const value = view.selection?.[key];
    if (value !== undefined) params.set(key, String(value));
  }
  if (view.sort) params.set("sort", view.sort);
  if (view.page && view.page > 1) params.set("page", String(view.page));
  if (view.trendWeeks) params.set("weeks", String(view.trendWeeks));
  return params.toString();
}

/** A link to the report screen showing `view`. */
export function reportHref(view: ReportView): Route {
  const query = reportQuery(view);
  return (query ? `/report?${query}` : "/report") as Route;
}
