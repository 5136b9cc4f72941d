import { z } from "zod";
import { AppError, defaultMessage } from "@/lib/errors";
import { TEXT_MAX } from "@/lib/validation/text-limits";

/** What the review's write routes accept. Flag reasons travel in their kebab-case form, as in the CSV formats. */

export const FLAG_REASONS = ["owner-unclear", "owner-leaving", "needs-other-team", "other"] as const;
export type FlagReasonKey = (typeof FLAG_REASONS)[number];

export const FLAG_REASON_LABEL: Record<FlagReasonKey, string> = {
  "owner-unclear": "Owner unclear",
  "owner-leaving": "Owner leaving",
  "needs-other-team": "Needs the other team",
  other: "Other",
};

/** The database enum spells them with underscores (Prisma names cannot hold dashes). */
export const FLAG_REASON_TO_DB = {
  "owner-unclear": "owner_unclear",
  "owner-leaving": "owner_leaving",
  "needs-other-team": "needs_other_team",
  other: "other",
} as const satisfies Record<FlagReasonKey, string>;

export type DbFlagReason = (typeof FLAG_REASON_TO_DB)[FlagReasonKey];

export function flagReasonFromDb(value: DbFlagReason | null): FlagReasonKey | null {
  if (value === null) return null;
  return (Object.entries(FLAG_REASON_TO_DB).find(([, db]) => db === value)?.[0] as FlagReasonKey | undefined) ?? null;
}

const NOTE_MAX = TEXT_MAX.note;
const key = z.string().trim().min(1).max(TEXT_MAX.key);
const optionalNote = z
  .string()
  .trim()
  .max(NOTE_MAX, `Keep the note under ${NOTE_MAX} characters.`)
  .optional()
  .transform((value) => value || null);
const personId = z.number({ error: "Choose a person." }).int().positive();

export const cellRefSchema = z.object({ assetKey: key, concernKey: key });

/** `POST /api/reviews`: the team's review of an ISO week (this week's or last week's) to create as a draft. */
export const openReviewSchema = z.object({
  teamId: z.number({ error: "Choose a team." }).int().positive(),
  isoWeek: z.string().max(8).regex(/^\d{4}-W\d{2}$/, "Give the week as YYYY-Www."),
});

export const decideItemSchema = z
  .discriminatedUnion("decision", [
    cellRefSchema.extend({ decision: z.literal("confirm"), note: optionalNote }),
    cellRefSchema.extend({
      decision: z.literal("change"),
      accountableId: personId,
      responsibleIds: z.array(personId).max(10, "At most 10 responsible people.").default([]),
      note: optionalNote,
    }),
    cellRefSchema.extend({
      decision: z.literal("flag"),
      flagReason: z.enum(FLAG_REASONS, { error: "Choose why you flag this cell." }),
      note: optionalNote,
    }),
    cellRefSchema.extend({
      decision: z.literal("handoff"),
      handoffTeamId: z.number({ error: "Choose the team to hand this cell to." }).int().positive(),
      note: z.string().trim().min(1, "Say what the other team should take on.").max(NOTE_MAX, `Keep the note under ${NOTE_MAX} characters.`),
    }),
  ])
  .superRefine((value, context) => {
    if (value.decision === "flag" && value.flagReason === "other" && !value.note) {
      context.addIssue({ code: "custom", path: ["note"], message: "Say what is wrong: the note is required for “Other”." });
    }
    if (value.decision === "change") {
      if (value.responsibleIds.includes(value.accountableId)) {
        context.addIssue({
          code: "custom",
          path: ["responsibleIds"],
          message: "The accountable person already counts as responsible: choose someone else or nobody.",
        });
      }
      if (new Set(value.responsibleIds).size !== value.responsibleIds.length) {
        context.addIssue({ code: "custom", path: ["responsibleIds"], message: "A person is listed twice as responsible." });
      }
    }
  });

export type DecideItemInput = z.output<typeof decideItemSchema>;

/**
 * A decision built from other input than a route's body (the API names people by email and teams by name),
 * checked by the screen's own rules (a note for "other", nobody both accountable and responsible...): a 422
 * naming each field, as a route's schema would answer.
 */
export function parseDecision(input: unknown): DecideItemInput {
  const parsed = decideItemSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError("invalid", defaultMessage("invalid"), { fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> });
}
export type CellRef = z.output<typeof cellRefSchema>;

/** Confirm-all, submit and reopen carry nothing but the review in the path. */
export const emptyBodySchema = z.object({}).strict();

export function requireReviewId(value: string | undefined): number {
  const id = Number(value);
  if (!value || !/^\d{1,9}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) {
    throw new AppError("not-found", "This review does not exist.");
  }
  return id;
}
