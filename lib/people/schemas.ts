import { z } from "zod";
import { AppError } from "@/lib/errors";
import { TEXT_MAX } from "@/lib/validation/text-limits";

/** Inputs of the people and team writes; the routes parse request bodies with these, the forms mirror their limits. */

export const PERSON_ROLES = ["admin", "manager", "viewer", "none"] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const TEAM_FUNCTIONS = ["marketing", "it", "other"] as const;
export type TeamFunctionValue = (typeof TEAM_FUNCTIONS)[number];

/** Roles that sign in, and so may have a password. */
export const signsIn = (role: PersonRole) => role !== "none";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = TEXT_MAX.password;

const nameSchema = z.string().trim().min(1, "Enter a name.").max(TEXT_MAX.name, `Use at most ${TEXT_MAX.name} characters.`);
const teamIdSchema = z.number({ error: "Choose a team from the list." }).int().positive().nullable();
const roleSchema = z.enum(PERSON_ROLES, { error: "Choose admin, manager, viewer or none." });
const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);
/** The `updatedAt` the editor loaded: a stale one means someone else saved in the meantime. */
const versionSchema = z.iso
  .datetime({ offset: true, error: "Reload the page: the version of this record is missing." })
  .max(TEXT_MAX.timestamp, "Reload the page: the version of this record is missing.");

export const createPersonSchema = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .email("Enter an email address.")
      .max(TEXT_MAX.email, `Use at most ${TEXT_MAX.email} characters.`),
    name: nameSchema,
    teamId: teamIdSchema.default(null),
    role: roleSchema,
    password: passwordSchema.optional(),
  })
  .superRefine((input, context) => {
    if (input.password !== undefined && !signsIn(input.role)) {
      context.addIssue({
        code: "custom",
        path: ["password"],
        message: "People with role none never sign in: leave the password empty.",
      });
    }
  });
export type CreatePersonInput = z.output<typeof createPersonSchema>;

export const updatePersonSchema = z.object({
  name: nameSchema,
  teamId: teamIdSchema,
  role: roleSchema,
  updatedAt: versionSchema,
});
export type UpdatePersonInput = z.output<typeof updatePersonSchema>;

export const setPasswordSchema = z.object({ password: passwordSchema });
export type SetPasswordInput = z.output<typeof setPasswordSchema>;

/**
 * A signed-in person changing their own password: the current one proves it is them, not someone holding
 * their session. The new one is `password`, so the password rules of lib/auth refine it as they refine an
 * admin's (`refineNewPassword`).
 */
export const changeOwnPasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(TEXT_MAX.password, "This is not your current password."),
  password: passwordSchema,
});
export type ChangeOwnPasswordInput = z.output<typeof changeOwnPasswordSchema>;

/** Deactivate and reactivate take no fields; the body is `{}`. */
export const emptySchema = z.object({}).strict();

/** Issue 18, item 3: the leaver's cells to hand over, each to its successor (the form sends every chosen cell). */
export const handOverSchema = z.object({
  cells: z
    .array(
      z.object({
        assetKey: z.string().min(1).max(TEXT_MAX.key, "Reload the page: an asset key is too long."),
        concernKey: z.string().min(1).max(TEXT_MAX.key, "Reload the page: a concern key is too long."),
        role: z.enum(["A", "R"], { error: "Only A and R are handed over." }),
        successorId: z.number({ error: "Choose a successor for every cell." }).int().positive(),
      }),
    )
    .min(1, "Choose at least one cell to hand over.")
    .max(5000, "Hand over at most 5000 cells at once."),
});
export type HandOverInput = z.output<typeof handOverSchema>;

const teamNameSchema = z.string().trim().min(1, "Enter a team name.").max(TEXT_MAX.label, `Use at most ${TEXT_MAX.label} characters.`);
const teamFunctionSchema = z.enum(TEAM_FUNCTIONS, { error: "Choose marketing, IT or other." });

export const createTeamSchema = z.object({ name: teamNameSchema, function: teamFunctionSchema });
export type CreateTeamInput = z.output<typeof createTeamSchema>;

export const updateTeamSchema = z.object({
  name: teamNameSchema,
  function: teamFunctionSchema,
  updatedAt: versionSchema,
});
export type UpdateTeamInput = z.output<typeof updateTeamSchema>;

/** Route ids are positive integers; anything else names nothing. */
export function parseId(value: string | undefined): number | null {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 && String(id) === value ? id : null;
}

/** For route handlers: the `[id]` segment as an id, or a 404 naming what is missing. */
export function requireRouteId(value: string, what: "person" | "team" | "invitation" | "token"): number {
  const id = parseId(value);
  if (id === null) throw new AppError("not-found", `This ${what} does not exist.`);
  return id;
}
