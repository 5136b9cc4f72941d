import { z } from "zod";
import { refineNewPassword } from "@/lib/auth/password-policy";
import { createPersonSchema, setPasswordSchema } from "@/lib/people/schemas";
import { settingsSchema } from "@/lib/settings/update-settings";

/** Inputs of the set-up, set-password and invitation writes; forms send them, the server parses them with these. */

const tokenSchema = z.string().max(100);

/** The first-run set-up: the organisation, and its first admin who signs in at once. */
export const setupSchema = z
  .object({
    token: tokenSchema,
    organisationName: settingsSchema.shape.name,
    timeZone: settingsSchema.shape.timeZone,
    name: createPersonSchema.shape.name,
    email: createPersonSchema.shape.email,
    password: setPasswordSchema.shape.password,
  })
  .superRefine(refineNewPassword);
export type SetupInput = z.output<typeof setupSchema>;

/** A password chosen through a one-time link (invitation, reset, set-password). */
export const choosePasswordSchema = z.object({ token: tokenSchema, password: setPasswordSchema.shape.password }).superRefine(refineNewPassword);
export type ChoosePasswordInput = z.output<typeof choosePasswordSchema>;

/** Whom to invite: chosen people, or everyone who may sign in but has no way to yet and no pending invitation. */
export const inviteSchema = z.union([
  z.object({ personIds: z.array(z.number().int().positive()).min(1, "Choose whom to invite.").max(5_000) }),
  z.object({ everyoneNotYetInvited: z.literal(true) }),
]);
export type InviteInput = z.output<typeof inviteSchema>;

export const forgotPasswordSchema = z.object({ email: createPersonSchema.shape.email });
