import type { z } from "zod";
import { AppError, defaultMessage, type FieldErrors } from "@/lib/errors";

/** The input a schema accepts, or a 422 naming each field that failed, for the form to show next to it. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError("invalid", defaultMessage("invalid"), { fieldErrors: fieldErrorsOf(parsed.error) });
}

function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (result[key] ??= []).push(issue.message);
  }
  return result;
}
