import { DateTime } from "luxon";
import { z } from "zod";
import { TEXT_MAX } from "@/lib/validation/text-limits";

/**
 * One zod schema per file, applied to a row's trimmed text values. Messages complete the sentence
 * "<file> line <n>, column <name>: ...". Enumerated values are matched regardless of case, because
 * spreadsheets rewrite `true` as `TRUE`; stored values are always the canonical spelling.
 */

export const TEAM_FUNCTIONS = ["marketing", "it", "other"] as const;
export const PERSON_ROLES = ["admin", "manager", "viewer", "none"] as const;
export const CRITICALITIES = ["low", "medium", "high", "critical"] as const;
export const LIFECYCLES = ["planned", "active", "retired"] as const;
export const RACI_ROLES = ["R", "A", "C", "I"] as const;

export const ASSET_KEY_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

const required = (max: number) =>
  z.string().min(1, "is required").max(max, `is longer than ${max} characters`);

const optional = (max: number) =>
  z
    .string()
    .max(max, `is longer than ${max} characters`)
    .transform((value) => (value === "" ? null : value));

function oneOf<const Values extends readonly [string, ...string[]]>(values: Values, normalise: (value: string) => string) {
  const message = `must be one of ${values.join(", ")}`;
  return z
    .string()
    .max(Math.max(...values.map((value) => value.length)), message)
    .transform(normalise)
    .pipe(z.enum(values, { error: message }));
}

/** Like oneOf, but empty is null. */
function optionalOneOf<const Values extends readonly [string, ...string[]]>(values: Values, normalise: (value: string) => string) {
  const message = `must be one of ${values.join(", ")}`;
  return z
    .string()
    .max(Math.max(...values.map((value) => value.length)), message)
    .transform((value) => (value === "" ? null : normalise(value)))
    .pipe(z.enum(values, { error: message }).nullable());
}

const lower = (value: string) => value.toLowerCase();

const email = z
  .string()
  .min(1, "is required")
  .max(TEXT_MAX.email, `is longer than ${TEXT_MAX.email} characters`)
  .transform(lower)
  .pipe(z.email({ error: "must be an email address" }));

/** A calendar day (taken in the organisation's time zone when applied) or an exact instant. */
export type ConfirmedAtValue = { date: string } | { at: Date };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const CONFIRMED_AT_FORMAT = "must be a date (YYYY-MM-DD) or an ISO timestamp with a time zone (2026-03-02T09:30:00Z)";

// The longest accepted form, 2026-03-02T09:30:00.123456789+01:00, has 35 characters.
const confirmedAt = z.string().max(TEXT_MAX.timestamp, CONFIRMED_AT_FORMAT).transform((value, context): ConfirmedAtValue | null => {
  if (value === "") return null;
  if (DATE_ONLY.test(value) && DateTime.fromISO(value, { zone: "utc" }).isValid) return { date: value };
  if (TIMESTAMP.test(value)) {
    const parsed = DateTime.fromISO(value.toUpperCase(), { setZone: true });
    if (parsed.isValid) return { at: parsed.toJSDate() };
  }
  context.addIssue({ code: "custom", message: CONFIRMED_AT_FORMAT });
  return z.NEVER;
});

const url = optional(TEXT_MAX.url).refine((value) => value === null || isWebAddress(value), {
  message: "must be a web address starting with http:// or https://",
});

export const personRowSchema = z
  .object({
    email,
    name: required(TEXT_MAX.name),
    team: optional(TEXT_MAX.label),
    function: optionalOneOf(TEAM_FUNCTIONS, lower),
    role: oneOf(PERSON_ROLES, lower),
    active: oneOf(["true", "false"], lower).transform((value) => value === "true"),
  })
  .superRefine((row, context) => {
    if (row.team !== null && row.function === null) {
      context.addIssue({ code: "custom", path: ["function"], message: `is required when team is set: one of ${TEAM_FUNCTIONS.join(", ")}` });
    }
    if (row.team === null && row.function !== null) {
      context.addIssue({ code: "custom", path: ["function"], message: "must be empty when team is empty" });
    }
  });

export const assetRowSchema = z.object({
  key: required(TEXT_MAX.key).regex(ASSET_KEY_PATTERN, "must be a slug: lower-case letters, digits and hyphens, starting with a letter or digit"),
  name: required(TEXT_MAX.name),
  kind: required(TEXT_MAX.key),
  criticality: oneOf(CRITICALITIES, lower),
  lifecycle: oneOf(LIFECYCLES, lower),
  url,
  vendor: optional(TEXT_MAX.name),
});

export const assignmentRowSchema = z.object({
  asset_key: required(TEXT_MAX.key),
  concern_key: required(TEXT_MAX.key),
  person_email: email,
  role: oneOf(RACI_ROLES, (value) => value.toUpperCase()),
  confirmed_at: confirmedAt,
});

export type PersonRow = z.output<typeof personRowSchema>;
export type AssetRow = z.output<typeof assetRowSchema>;
export type AssignmentRow = z.output<typeof assignmentRowSchema>;

function isWebAddress(value: string): boolean {
  try {
    const parsed = new URL(value);
    return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname !== "";
  } catch {
    return false;
  }
}
