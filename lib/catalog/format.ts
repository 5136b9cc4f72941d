/** Dates as people in the organisation read them: in its time zone, with the month in words. */

export function formatDay(date: Date | null | undefined, timeZone: string): string {
  if (!date) return "—";
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone }).format(date);
}

export function formatDayTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(date);
}

export const CRITICALITY_LABEL = { low: "Low", medium: "Medium", high: "High", critical: "Critical" } as const;
export const LIFECYCLE_LABEL = { planned: "Planned", active: "Active", retired: "Retired" } as const;
export const HOME_LABEL = { marketing: "Marketing", it: "IT", shared: "Shared" } as const;
