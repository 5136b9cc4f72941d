import { parseArgs, type ParseArgsConfig } from "node:util";
import type { z } from "zod";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { openCliDatabase } from "@/lib/db/cli-database";
import { AppError } from "@/lib/errors";
import type { Output } from "./import-export";
import { prepareDatabase } from "./prepare-database";

/**
 * What the account commands (`admin:create`, `token:create`) share: `--name value` options checked with zod, and
 * a database brought up to date for the command's one write.
 */

/** The options, parsed; null when they are wrong, after saying why on stderr with the usage. */
export function parseCommandOptions<Schema extends z.ZodType>(
  args: string[],
  options: NonNullable<ParseArgsConfig["options"]>,
  schema: Schema,
  usage: string,
  out: Output,
): z.output<Schema> | null {
  let values: unknown;
  try {
    ({ values } = parseArgs({ args, options, strict: true, allowPositionals: false }));
  } catch (error) {
    out.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return null;
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    out.error(`${parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join(" ")}\n${usage}`);
    return null;
  }
  return parsed.data;
}

/**
 * Runs `work` on the command line's database (lib/db/cli-database.ts), migrated first; returns its exit code. A
 * refusal (AppError) is said on stderr and exits 1; anything else is a failure the script reports.
 */
export async function runOnPreparedDatabase(out: Output, work: (prisma: Db) => Promise<number>): Promise<number> {
  const database = await openCliDatabase();
  try {
    await prepareDatabase(database.url, { seedDemo: false });
    const prisma = createPrismaClient(database.url);
    try {
      return await work(prisma);
    } finally {
      await prisma.$disconnect();
    }
  } catch (error) {
    if (error instanceof AppError) {
      out.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await database.release();
  }
}
