import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Environment } from "@/lib/config/environment";
import { createPrismaClient } from "@/lib/db/client";
import { ensureDatabaseExists } from "@/lib/db/migrate";
import { prepareDatabase } from "@/lib/commands/prepare-database";
import { AppError } from "@/lib/errors";
import { exportCsv } from "@/lib/import-export/export";
import { fileNameOf, formatIssue, IMPORT_FILES } from "@/lib/import-export/formats";
import type { ImportPlan } from "@/lib/import-export/plan-types";
import { readImportFolder } from "@/lib/import-export/read-folder";
import { runImport } from "@/lib/import-export/run-import";

/** The command-line side of import and export (`npm run import|export`); scripts/ only wires process to these. */

/** Only what the commands read (from `readEnvironment()`), so tests pass a plain object. */
type CommandEnvironment = Pick<Environment, "DATABASE_URL">;

export interface Output {
  log: (line: string) => void;
  error: (line: string) => void;
}

const IMPORT_USAGE = "Usage: npm run import -- <folder> [--dry-run]   (the folder holds people.csv, assets.csv and/or assignments.csv)";
const EXPORT_USAGE = "Usage: npm run export -- <folder>";
/** A large import on the command line may take longer than a request is allowed to. */
const CLI_TRANSACTION = { timeout: 10 * 60_000, maxWait: 30_000 };

/** Returns the exit code: 0 when imported (or previewed with --dry-run) without errors, 1 otherwise. */
export async function importCommand(args: string[], env: CommandEnvironment, out: Output): Promise<number> {
  const dryRun = args.includes("--dry-run");
  const [folder, ...rest] = args.filter((arg) => arg !== "--dry-run");
  if (!folder || folder.startsWith("-") || rest.length) return fail(out, IMPORT_USAGE);
  const url = env.DATABASE_URL;
  if (!url) return fail(out, "DATABASE_URL is not set: point it at the PostgreSQL database to import into.");
  if (!(await isFolder(folder))) return fail(out, `${folder} is not a folder.`);

  const files = await readImportFolder(folder);
  if (!Object.keys(files).length) return fail(out, `${folder} holds none of people.csv, assets.csv, assignments.csv.\n${IMPORT_USAGE}`);

  await ensureDatabaseExists(url);
  await prepareDatabase(url, { seedDemo: false });
  const prisma = createPrismaClient(url);
  try {
    const preview = await prisma.$transaction((tx) => runImport(tx, null, files, "preview"), CLI_TRANSACTION);
    printPlan(out, preview.plan);
    if (preview.plan.errorCount > 0) return printErrors(out, preview.plan);
    if (dryRun) {
      out.log("Dry run: nothing was written.");
      return 0;
    }
    const applied = await prisma.$transaction((tx) => runImport(tx, null, files, "apply"), CLI_TRANSACTION);
    out.log(applied.importId ? `Imported (import ${applied.importId}).` : "Nothing to change: the database already matches the files.");
    return 0;
  } catch (error) {
    // The database may have changed between the preview and the apply.
    if (error instanceof AppError && error.details.current) return printErrors(out, error.details.current as ImportPlan);
    throw error;
  } finally {
    await prisma.$disconnect();
  }
}

export async function exportCommand(args: string[], env: CommandEnvironment, out: Output): Promise<number> {
  const [folder, ...rest] = args;
  if (!folder || folder.startsWith("-") || rest.length) return fail(out, EXPORT_USAGE);
  const url = env.DATABASE_URL;
  if (!url) return fail(out, "DATABASE_URL is not set: point it at the PostgreSQL database to export.");
  await mkdir(folder, { recursive: true });
  const prisma = createPrismaClient(url);
  try {
    for (const file of IMPORT_FILES) {
      const csv = await exportCsv(prisma, file);
      await writeFile(path.join(folder, fileNameOf(file)), csv);
      out.log(`Wrote ${path.join(folder, fileNameOf(file))} (${csv.trimEnd().split("\n").length - 1} rows).`);
    }
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

/** One line per file: what applying it does. */
export function formatPlan(plan: ImportPlan): string[] {
  const width = Math.max(...plan.files.map((file) => file.file.length));
  const lines = plan.files.map((file) => {
    const counts = [`${file.created} to create`, `${file.updated} to update`, `${file.unchanged} unchanged`];
    if (file.ended !== undefined) counts.push(`${file.ended} to end`);
    const errors = file.errors.length ? `, ${file.errors.length} ${file.errors.length === 1 ? "error" : "errors"}` : "";
    return `${file.file.padEnd(width)}  ${file.rows} ${file.rows === 1 ? "row" : "rows"}: ${counts.join(", ")}${errors}`;
  });
  if (plan.teamsCreated.length) lines.push(`Teams to create: ${plan.teamsCreated.join(", ")}`);
  return lines;
}

function printPlan(out: Output, plan: ImportPlan) {
  for (const line of formatPlan(plan)) out.log(line);
}

function printErrors(out: Output, plan: ImportPlan): number {
  for (const issue of plan.files.flatMap((file) => file.errors)) out.error(formatIssue(issue));
  out.error(`Nothing was imported: fix the ${plan.errorCount === 1 ? "error" : `${plan.errorCount} errors`} above and run the import again.`);
  return 1;
}

function fail(out: Output, message: string): number {
  out.error(message);
  return 1;
}

async function isFolder(folder: string): Promise<boolean> {
  return stat(folder).then((entry) => entry.isDirectory(), () => false);
}
