import { z } from "zod";
import { TEXT_MAX } from "@/lib/validation/text-limits";

/** Inputs of the token writes: My account -> Tokens, Settings -> Service tokens and `npm run token:create`. */

/** How long a token may be made to last; none: until revoked. */
export const MAX_TOKEN_DAYS = 730;

const nameSchema = z
  .string({ error: "Name the token after what uses it." })
  .trim()
  .min(1, "Name the token after what uses it.")
  .max(TEXT_MAX.label, `At most ${TEXT_MAX.label} characters.`);

const expiresInDaysSchema = z
  .number({ error: `Give a number of days from 1 to ${MAX_TOKEN_DAYS}, or none.` })
  .int(`Give a number of days from 1 to ${MAX_TOKEN_DAYS}, or none.`)
  .min(1, `Give a number of days from 1 to ${MAX_TOKEN_DAYS}, or none.`)
  .max(MAX_TOKEN_DAYS, `Give a number of days from 1 to ${MAX_TOKEN_DAYS}, or none.`)
  .nullable()
  .default(null);

export const createPersonalTokenSchema = z.object({ name: nameSchema, expiresInDays: expiresInDaysSchema });
export type CreatePersonalTokenInput = z.output<typeof createPersonalTokenSchema>;

export const createServiceTokenSchema = z
  .object({
    name: nameSchema,
    role: z.enum(["admin", "manager", "viewer"], { error: "Choose admin, manager of a team, or viewer." }),
    teamId: z.number().int().positive().nullable().default(null),
    expiresInDays: expiresInDaysSchema,
    /** A SCIM provisioning token (README, "Provisioning with SCIM"): /scim/v2 only, acting as an admin there. */
    scim: z.boolean().default(false),
  })
  .refine((value) => (value.role === "manager") === (value.teamId !== null), {
    message: "A manager's token manages one team: choose it (and only for that role).",
    path: ["teamId"],
  })
  .refine((value) => !value.scim || value.role === "admin", {
    message: "A SCIM token creates and deactivates people, which only admins do: give it the admin role.",
    path: ["role"],
  });
export type CreateServiceTokenInput = z.output<typeof createServiceTokenSchema>;
