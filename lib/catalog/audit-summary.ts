/**
 * Audit events in plain words for history lists: what was done, and a short before → after of the
 * fields that changed. Works on any event shape, since ownership, reviews and imports write their own.
 */

const ACTION_WORDS: Record<string, string> = {
  "asset.created": "created the asset",
  "asset.updated": "edited the asset",
  "asset.retired": "retired the asset",
  "assignment.added": "added an owner",
  "assignment.ended": "ended an assignment",
  "assignment.confirmed": "confirmed ownership",
  "concern.created": "created the concern",
  "concern.updated": "edited the concern",
  "asset-kind.created": "added the asset kind",
};

/** `assignment.added` → "added an owner"; unknown actions read as "verb noun" ("cell.flagged" → "flagged cell"). */
export function describeAction(action: string): string {
  const known = ACTION_WORDS[action];
  if (known) return known;
  const parts = action.split(".").filter(Boolean);
  const verb = parts.pop() ?? action;
  const noun = parts.join(" ").replaceAll("-", " ");
  return (noun ? `${verb} ${noun}` : verb).replaceAll("-", " ");
}

const MAX_VALUE_LENGTH = 60;
const MAX_CHANGES = 4;

export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.map(formatAuditValue).join(", ") : "none";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  // Dates stored as ISO strings read better as the day they fall on.
  const date = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(text) ? text.slice(0, 10) : text;
  return date.length > MAX_VALUE_LENGTH ? `${date.slice(0, MAX_VALUE_LENGTH - 1)}…` : date;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * "name: Old → New; criticality: high → critical". A creation lists what was set, an event without
 * before or after says nothing. At most four fields, then "and n more".
 */
export function summarizeChange(before: unknown, after: unknown): string {
  if (!isRecord(before) && !isRecord(after)) {
    if (before === undefined || before === null) return after === undefined || after === null ? "" : formatAuditValue(after);
    return `${formatAuditValue(before)} → ${formatAuditValue(after)}`;
  }
  const from = isRecord(before) ? before : {};
  const to = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  const parts: string[] = [];
  for (const key of keys) {
    const a = from[key];
    const b = to[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (!isRecord(before)) parts.push(`${key}: ${formatAuditValue(b)}`);
    else if (!isRecord(after)) parts.push(`${key}: ${formatAuditValue(a)}`);
    else parts.push(`${key}: ${formatAuditValue(a)} → ${formatAuditValue(b)}`);
  }
  if (parts.length <= MAX_CHANGES) return parts.join("; ");
  return `${parts.slice(0, MAX_CHANGES).join("; ")}; and ${parts.length - MAX_CHANGES} more`;
}
