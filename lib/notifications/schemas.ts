import { z } from "zod";
import { CONFIGURABLE_KINDS, PERSON_CHANNELS, type ConfigurableKind, type PersonChannel } from "./kinds";

/** The inputs of the inbox and of the preference routes. */

/** The page number from the query string: a positive whole number, else the first page. */
export const inboxPageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

const preferenceSchema = z.strictObject({
  kind: z.enum(CONFIGURABLE_KINDS as [ConfigurableKind, ...ConfigurableKind[]]),
  channel: z.enum(PERSON_CHANNELS as [PersonChannel, ...PersonChannel[]]),
  enabled: z.boolean(),
});

/** The body of PUT /api/me/notification-preferences: each toggle at most once. */
export const preferenceChangesSchema = z
  .array(preferenceSchema)
  .min(1)
  .max(CONFIGURABLE_KINDS.length * PERSON_CHANNELS.length)
  .refine((changes) => new Set(changes.map((change) => `${change.kind}:${change.channel}`)).size === changes.length, "Each kind and channel may appear once.");

export type PreferenceChange = z.output<typeof preferenceSchema>;
