import { z } from "zod";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import { CONCERN_HOMES, CRITICALITIES, EDITABLE_LIFECYCLES, SLUG_HINT, SLUG_PATTERN } from "./constants";

/**
 * Input of the catalog's write routes. Keys are slugs because imports, reports and links use them;
 * they are never editable after creation. Empty optional text becomes null so "cleared" is one value.
 */

const slugSchema = z.string().trim().max(TEXT_MAX.key, { error: SLUG_HINT, abort: true }).regex(SLUG_PATTERN, SLUG_HINT);

const emptyToNull = (value: unknown) => {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
};

/** Optional free text: absent stays absent (no change), empty becomes null (cleared). */
const optionalText = (max: number) =>
  z.preprocess(emptyToNull, z.string().max(max, `At most ${max} characters.`).nullable().optional());

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const optionalUrl = z.preprocess(
  emptyToNull,
  z
    .string()
    .max(TEXT_MAX.url, `At most ${TEXT_MAX.url} characters.`)
    .refine(isHttpUrl, "Enter a web address starting with http:// or https://.")
    .nullable()
    .optional(),
);

const nameSchema = (what: string, max: number) =>
  z.string({ error: `Give the ${what} a name.` }).trim().min(1, `Give the ${what} a name.`).max(max, `At most ${max} characters.`);

const assetFields = {
  name: nameSchema("asset", TEXT_MAX.name),
  kindKey: z.string({ error: "Choose a kind." }).trim().min(1, "Choose a kind.").max(TEXT_MAX.key, "Choose a kind."),
  criticality: z.enum(CRITICALITIES, { error: "Choose a criticality." }),
  url: optionalUrl,
  vendor: optionalText(TEXT_MAX.name),
  description: optionalText(TEXT_MAX.description),
};

export const createAssetSchema = z.object({
  key: slugSchema,
  ...assetFields,
  lifecycle: z.enum(EDITABLE_LIFECYCLES, { error: "Choose planned or active." }),
});

export const updateAssetSchema = z.object({
  ...assetFields,
  /** Absent for a retired asset, which stays retired. */
  lifecycle: z.enum(EDITABLE_LIFECYCLES, { error: "Choose planned or active." }).optional(),
  /** The version the form was loaded from: a stale one is refused rather than overwriting someone's change. */
  updatedAt: z.iso
    .datetime({ error: "Reload the page: the form lost track of the asset's version." })
    .max(TEXT_MAX.timestamp, "Reload the page: the form lost track of the asset's version."),
});

export const retireAssetSchema = z.object({});

const kindKeysSchema = z
  .array(z.string().trim().min(1).max(TEXT_MAX.key), { error: "Send the kinds as a list of keys." })
  .max(500)
  .transform((keys) => [...new Set(keys)].sort());

export const createConcernSchema = z.object({
  key: slugSchema,
  name: nameSchema("concern", TEXT_MAX.name),
  home: z.enum(CONCERN_HOMES, { error: "Choose marketing, IT or shared." }),
  description: optionalText(TEXT_MAX.description),
  appliesToEveryKind: z.boolean().optional(),
  kindKeys: kindKeysSchema.optional(),
});

export const updateConcernSchema = z.object({
  name: nameSchema("concern", TEXT_MAX.name).optional(),
  home: z.enum(CONCERN_HOMES, { error: "Choose marketing, IT or shared." }).optional(),
  description: optionalText(TEXT_MAX.description),
  appliesToEveryKind: z.boolean().optional(),
  kindKeys: kindKeysSchema.optional(),
  updatedAt: z.iso.datetime().max(TEXT_MAX.timestamp).optional(),
});

export const createAssetKindSchema = z.object({
  key: slugSchema,
  label: z.string({ error: "Give the kind a label." }).trim().min(1, "Give the kind a label.").max(TEXT_MAX.label, `At most ${TEXT_MAX.label} characters.`),
});

export type CreateAssetInput = z.output<typeof createAssetSchema>;
export type UpdateAssetInput = z.output<typeof updateAssetSchema>;
export type CreateConcernInput = z.output<typeof createConcernSchema>;
export type UpdateConcernInput = z.output<typeof updateConcernSchema>;
export type CreateAssetKindInput = z.output<typeof createAssetKindSchema>;
