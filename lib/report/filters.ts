import { DateTime } from "luxon";
import { z } from "zod";
import { GAP_TYPES } from "@/lib/rules";

/**
 * The gap report's filters, shared by the page (URL), the CSV export (URL) and the CLI (flags).
 * Unreadable values fall back to "no filter" so a hand-edited link never breaks the page.
 */
const text = z.string().trim().min(1).max(100).optional().catch(undefined);

export const reportFiltersSchema = z.object({
  team: z.coerce.number().int().positive().optional().catch(undefined),
  function: z.enum(["marketing", "it", "shared"]).optional().catch(undefined),
  kind: text,
  concern: text,
  criticality: z.enum(["low", "medium", "high", "critical"]).optional().catch(undefined),
  gap: z.enum(GAP_TYPES as unknown as [string, ...string[]]).optional().catch(undefined),
  asOf: z
    .string()
    .max(10)
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    .optional()
    .catch(undefined),
});

export type ReportFilters = z.output<typeof reportFiltersSchema>;

export function parseReportFilters(params: Record<string, string | string[] | undefined>): ReportFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return reportFiltersSchema.parse(flat);
}

/**
 * The instant a report is computed for: the end of the as-of day in the organisation's time zone for a past
 * date, `now` otherwise, so that "as of 2026-11-02" includes everything that happened that day there.
 */
export function reportInstant(filters: ReportFilters, now: Date, timeZone: string): Date {
  if (!filters.asOf) return now;
  const endOfDay = DateTime.fromISO(filters.asOf, { zone: timeZone }).endOf("day").toJSDate();
  return endOfDay < now ? endOfDay : now;
}

/** The filters as URL parameters, for links that keep them (drill-downs, exports, pagination). */
export function reportFiltersToQuery(filters: ReportFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) query[key] = String(value);
  return query;
}
