import { randomUUID } from "node:crypto";
import type { PolicyUser } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { applyWrites } from "./apply";
import { IMPORT_FILES, type ImportFiles } from "./formats";
import { parseImportFiles } from "./parse-files";
import { planImport } from "./plan";
import type { ImportPlan } from "./plan-types";

type Tx = Prisma.TransactionClient;

export const IMPORT_MODES = ["preview", "apply"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface ImportOutcome {
  mode: ImportMode;
  /** True once the files are in the database; also true when applying them had nothing to change. */
  applied: boolean;
  /** The id of the `import.applied` audit event's entity; null when nothing was written. */
  importId: string | null;
  plan: ImportPlan;
}

/**
 * Previews or applies an import inside the caller's transaction. `apply` computes the plan again from
 * what the transaction reads, and writes all of it or, when any row is wrong, nothing: it throws an
 * `invalid` AppError whose `current` is the plan with its errors. An import that changes nothing writes
 * nothing, not even its audit event, so importing the same files twice leaves no trace the second time.
 */
export async function runImport(
  tx: Tx,
  actor: { id: number; email: string } | null,
  files: ImportFiles,
  mode: ImportMode,
  now: Date = new Date(),
): Promise<ImportOutcome> {
  if (!IMPORT_FILES.some((file) => files[file])) {
    throw new AppError("invalid", "Choose at least one file: people.csv, assets.csv or assignments.csv.");
  }
  const { plan, writes } = await planImport(tx, parseImportFiles(files), { now, actorEmail: actor?.email ?? null });
  if (mode === "preview") return { mode, applied: false, importId: null, plan };
  if (plan.errorCount > 0) {
    const count = plan.errorCount === 1 ? "an error" : `${plan.errorCount} errors`;
    throw new AppError("invalid", `The files have ${count}; nothing was imported.`, { current: plan });
  }
  if (plan.changeCount === 0) return { mode, applied: true, importId: null, plan };
  const importId = randomUUID();
  await applyWrites(tx, plan, writes, { importId, actorId: actor?.id ?? null, now });
  return { mode, applied: true, importId, plan };
}

/** Errors per file a response carries: a file of 50,000 bad rows must not become a response of 50,000 errors. */
export const MAX_ERRORS_SHOWN = 500;

/**
 * What `POST /api/import` runs once its policy (`importers`: admins only) let the user through, which it
 * checks before any file is read. The plan it returns, or carries in its `invalid` error, lists at most MAX_ERRORS_SHOWN errors per file.
 */
export async function importForUser(
  tx: Tx,
  user: PolicyUser & { email: string },
  files: ImportFiles,
  mode: ImportMode,
): Promise<ImportOutcome> {
  try {
    const outcome = await runImport(tx, { id: user.id, email: user.email }, files, mode);
    return { ...outcome, plan: limitErrors(outcome.plan) };
  } catch (error) {
    if (error instanceof AppError && error.details.current) {
      throw new AppError(error.code, error.message, { current: limitErrors(error.details.current as ImportPlan) });
    }
    throw error;
  }
}

export function limitErrors(plan: ImportPlan, max = MAX_ERRORS_SHOWN): ImportPlan {
  return {
    ...plan,
    files: plan.files.map((file) =>
      file.errors.length > max ? { ...file, errors: file.errors.slice(0, max), errorsNotShown: file.errors.length - max } : file,
    ),
  };
}
