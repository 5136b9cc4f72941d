import "zod-openapi";
import { z } from "zod";
import { createAssetSchema } from "@/lib/catalog/schemas";
import { CONCERN_HOMES, CRITICALITIES, EDITABLE_LIFECYCLES, LIFECYCLES } from "@/lib/catalog/constants";
import { createPersonSchema, createTeamSchema, PERSON_ROLES } from "@/lib/people/schemas";
import { FLAG_REASONS, openReviewSchema } from "@/lib/review/schemas";
import { GAP_TYPES } from "@/lib/rules";
import { TEXT_MAX } from "@/lib/validation/text-limits";

/**
 * What /api/v1 accepts: query strings and bodies, as zod schemas the routes parse with and the OpenAPI document
 * is generated from. Each field reuses the screens' own schema of that field (same limits, same messages);
 * only the names differ, those of the CSV columns (`kind`, `team`, `person_email`).
 */

const teamName = createTeamSchema.shape.name.meta({ description: "A team's name." });
const email = createPersonSchema.shape.email;
const assetFields = createAssetSchema.shape;

/** Cursor pagination: the `next_cursor` of the page before, and how many items a page holds. */
const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(100).meta({ description: "Items per page, 1 to 500 (100 by default)." }),
  cursor: z.string().max(200).optional().meta({ description: "The `next_cursor` of the previous page." }),
};

export const listAssetsQuery = z.object({
  q: z.string().trim().max(TEXT_MAX.search).optional().meta({ description: "Text searched in the name, key and vendor." }),
  kind: z.string().max(TEXT_MAX.key).optional(),
  criticality: z.enum(CRITICALITIES).optional(),
  lifecycle: z.enum(LIFECYCLES).optional(),
  team: teamName.optional().meta({ description: "Assets a member of this team is accountable for." }),
  ...pageQuery,
});
export type ListAssetsQuery = z.output<typeof listAssetsQuery>;

export const createAssetBody = z.object({
  key: assetFields.key,
  name: assetFields.name,
  kind: assetFields.kindKey.meta({ description: "The asset kind's key." }),
  criticality: assetFields.criticality,
  lifecycle: assetFields.lifecycle.default("active"),
  url: assetFields.url,
  vendor: assetFields.vendor,
  description: assetFields.description,
});
export type CreateAssetBody = z.output<typeof createAssetBody>;

/** Only the fields sent change; `lifecycle` cannot be set to retired here (DELETE retires). */
export const updateAssetBody = z.object({
  name: assetFields.name.optional(),
  kind: assetFields.kindKey.optional(),
  criticality: assetFields.criticality.optional(),
  lifecycle: z.enum(EDITABLE_LIFECYCLES).optional(),
  url: assetFields.url,
  vendor: assetFields.vendor,
  description: assetFields.description,
});
export type UpdateAssetBody = z.output<typeof updateAssetBody>;

export const listPeopleQuery = z.object({
  team: teamName.optional(),
  role: z.enum(PERSON_ROLES).optional(),
  active: z.enum(["true", "false"]).optional(),
  ...pageQuery,
});
export type ListPeopleQuery = z.output<typeof listPeopleQuery>;

export const createPersonBody = z.object({
  email,
  name: createPersonSchema.shape.name,
  team: teamName.nullable().default(null),
  role: createPersonSchema.shape.role,
});
export type CreatePersonBody = z.output<typeof createPersonBody>;

/** Only the fields sent change; `active: false` marks the person as left, with every effect it has on the screen. */
export const updatePersonBody = z.object({
  name: createPersonSchema.shape.name.optional(),
  team: teamName.nullable().optional(),
  role: createPersonSchema.shape.role.optional(),
  active: z.boolean().optional(),
});
export type UpdatePersonBody = z.output<typeof updatePersonBody>;

export const createTeamBody = createTeamSchema;
export const updateTeamBody = z.object({ name: teamName.optional(), function: createTeamSchema.shape.function.optional() });
export type UpdateTeamBody = z.output<typeof updateTeamBody>;

/** The cell's holders after the write, all of them: who is missing is ended, who is new is added. */
export const replaceHoldersBody = z.object({
  holders: z
    .array(z.object({ person_email: email, role: z.enum(["R", "A", "C", "I"]) }))
    .max(50)
    .meta({ description: "Exactly one A unless the list is empty; a person at most once per role." }),
});
export type ReplaceHoldersBody = z.output<typeof replaceHoldersBody>;

export const listReviewsQuery = z.object({
  team: teamName.optional(),
  week: openReviewSchema.shape.isoWeek.optional().meta({ description: "An ISO week, YYYY-Www." }),
  status: z.enum(["draft", "submitted"]).optional(),
  ...pageQuery,
});
export type ListReviewsQuery = z.output<typeof listReviewsQuery>;

export const openReviewBody = z.object({ team: teamName, iso_week: openReviewSchema.shape.isoWeek.meta({ description: "This week or last week, YYYY-Www." }) });
export type OpenReviewBody = z.output<typeof openReviewBody>;

const cellRef = { asset_key: z.string().trim().min(1).max(TEXT_MAX.key), concern_key: z.string().trim().min(1).max(TEXT_MAX.key) };
const note = z.string().max(TEXT_MAX.note).optional();

/** One decision on one cell of a draft review, as on the review screen; the later decision on a cell wins. */
export const decisionBody = z.discriminatedUnion("decision", [
  z.object({ ...cellRef, decision: z.literal("confirm"), note }),
  z.object({ ...cellRef, decision: z.literal("change"), accountable_email: email, responsible_emails: z.array(email).max(10).default([]), note }),
  z.object({ ...cellRef, decision: z.literal("flag"), flag_reason: z.enum(FLAG_REASONS), note }),
  z.object({ ...cellRef, decision: z.literal("handoff"), handoff_team: teamName, note: z.string().max(TEXT_MAX.note) }),
]);
export type DecisionBody = z.output<typeof decisionBody>;

export const reportQuery = z.object({
  team: z.coerce.number().int().positive().optional().meta({ description: "A team's id, as `npm run report -- --team`." }),
  function: z.enum(CONCERN_HOMES).optional(),
  kind: z.string().max(TEXT_MAX.key).optional(),
  concern: z.string().max(TEXT_MAX.key).optional(),
  criticality: z.enum(CRITICALITIES).optional(),
  gap: z.enum(GAP_TYPES as unknown as [string, ...string[]]).optional(),
  as_of: z
    .string()
    .max(10, "Give the date as YYYY-MM-DD.")
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Give the date as YYYY-MM-DD.")
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "Give the date as YYYY-MM-DD.")
    .optional()
    .meta({ description: "The report as of the end of this day in the organisation's time zone." }),
});
export type ReportQuery = z.output<typeof reportQuery>;

export const noQuery = z.object({});
export const emptyBody = z.object({}).strict();
