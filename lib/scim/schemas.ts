import { z } from "zod";
import { createPersonSchema, TEAM_FUNCTIONS } from "@/lib/people/schemas";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import { SCHEMA } from "./protocol";

/**
 * What /scim/v2 reads from identity providers. Attributes Tandem does not keep (phone numbers, titles, the
 * enterprise extension) are dropped, not refused, so a richer profile than Tandem's still provisions. Every
 * text and list is bounded, as everywhere (lib/validation/text-limits.test.ts).
 */

const MAX_MEMBERS = 10_000;
const MAX_OPERATIONS = 1_000;

const text = (max: number) => z.string().max(max, `At most ${max} characters.`);
const schemasSchema = z.array(text(TEXT_MAX.scimValue)).max(10).optional();
const externalIdSchema = text(TEXT_MAX.scimValue).trim().nullable().optional();
/** Entra ID sends booleans as "True" and "False"; lib/scim/patch.ts `booleanOf` reads both. */
const booleanishSchema = z.union([z.boolean(), text(5)]);
const nameSchema = z.object({
  givenName: text(TEXT_MAX.name).optional(),
  familyName: text(TEXT_MAX.name).optional(),
  formatted: text(TEXT_MAX.name).optional(),
});
const emailsSchema = z
  .array(
    z.object({
      value: text(TEXT_MAX.email),
      type: text(TEXT_MAX.search).optional(),
      primary: booleanishSchema.optional(),
    }),
  )
  .max(10)
  .optional();
const memberSchema = z.object({
  value: z.union([text(TEXT_MAX.scimValue), z.number()]),
  display: text(TEXT_MAX.name).optional(),
});
const membersSchema = z.array(memberSchema).max(MAX_MEMBERS, `At most ${MAX_MEMBERS} members at once.`);

/** A user as POST and PUT send it: userName is Tandem's email. */
export const scimUserSchema = z.object({
  schemas: schemasSchema,
  userName: createPersonSchema.shape.email,
  externalId: externalIdSchema,
  active: booleanishSchema.optional(),
  displayName: text(TEXT_MAX.name).optional(),
  name: nameSchema.optional(),
  emails: emailsSchema,
});
export type ScimUserInput = z.output<typeof scimUserSchema>;

/** A group as POST and PUT send it; Tandem's extension may choose the team's function. */
export const scimGroupSchema = z.object({
  schemas: schemasSchema,
  displayName: text(TEXT_MAX.label).trim().min(1, "Give the group a displayName."),
  externalId: externalIdSchema,
  members: membersSchema.optional(),
  [SCHEMA.tandemGroup]: z
    .object({ function: z.enum(TEAM_FUNCTIONS, { error: "Choose marketing, it or other." }) })
    .optional(),
});
export type ScimGroupInput = z.output<typeof scimGroupSchema>;

/** The attributes a PATCH without a path may set at once, as Okta and Entra ID send them (or `name`'s, for the path "name"). */
const patchAttributesSchema = z.object({
  ...nameSchema.shape,
  active: booleanishSchema.optional(),
  userName: text(TEXT_MAX.email).optional(),
  externalId: externalIdSchema,
  displayName: text(TEXT_MAX.name).optional(),
  name: nameSchema.optional(),
  "name.givenName": text(TEXT_MAX.name).optional(),
  "name.familyName": text(TEXT_MAX.name).optional(),
  "name.formatted": text(TEXT_MAX.name).optional(),
  emails: emailsSchema,
  members: membersSchema.optional(),
});

const patchValueSchema = z.union([
  z.boolean(),
  z.number(),
  z.null(),
  text(TEXT_MAX.email),
  membersSchema,
  patchAttributesSchema,
]);

export const scimPatchSchema = z.object({
  schemas: schemasSchema,
  Operations: z
    .array(
      z.object({
        op: text(10),
        path: text(TEXT_MAX.scimFilter).optional(),
        value: patchValueSchema.optional(),
      }),
    )
    .min(1, "Send at least one operation.")
    .max(MAX_OPERATIONS, `At most ${MAX_OPERATIONS} operations at once.`),
});
export type ScimPatchInput = z.output<typeof scimPatchSchema>;

/** A list's query (RFC 7644 section 3.4.2): a filter, and 1-based paging. */
export const scimListQuery = z.object({
  filter: text(TEXT_MAX.scimFilter).optional(),
  startIndex: z.coerce.number().int().optional(),
  count: z.coerce.number().int().optional(),
  excludedAttributes: text(TEXT_MAX.scimFilter).optional(),
  attributes: text(TEXT_MAX.scimFilter).optional(),
});
export type ScimListQuery = z.output<typeof scimListQuery>;

export const scimNoQuery = z.object({
  excludedAttributes: text(TEXT_MAX.scimFilter).optional(),
  attributes: text(TEXT_MAX.scimFilter).optional(),
});
export type ScimNoQuery = z.output<typeof scimNoQuery>;

/** DELETE has no body. */
export const scimEmptySchema = z.object({});
