import { parseArgs } from "node:util";
import { z } from "zod";
import { createAdminWithPasswordLink } from "@/lib/accounts/admin-access";
import { publicLink } from "@/lib/config/public-origin";
import { createPrismaClient } from "@/lib/db/client";
import { openCliDatabase } from "@/lib/db/cli-database";
import { AppError } from "@/lib/errors";
import { createPersonSchema } from "@/lib/people/schemas";
import type { Output } from "./import-export";
import { prepareDatabase } from "./prepare-database";

const USAGE = 'Usage: npm run admin:create -- --email <email> [--name "<name>"]   (the name is needed for someone new)';

const argumentsSchema = z.object({ email: createPersonSchema.shape.email, name: createPersonSchema.shape.name.optional() });

/** `npm run admin:create`: returns the exit code; prints the one-time link to set the admin's password. */
export async function adminCreateCommand(args: string[], out: Output): Promise<number> {
  let values: { email?: string; name?: string };
  try {
    ({ values } = parseArgs({ args, options: { email: { type: "string" }, name: { type: "string" } }, strict: true, allowPositionals: false }));
  } catch (error) {
    out.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 1;
  }
  const parsed = argumentsSchema.safeParse(values);
  if (!parsed.success) {
    out.error(`${parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join(" ")}\n${USAGE}`);
    return 1;
  }
  const database = await openCliDatabase();
  try {
    await prepareDatabase(database.url, { seedDemo: false });
    const prisma = createPrismaClient(database.url);
    try {
      const admin = await createAdminWithPasswordLink(prisma, parsed.data);
      out.log(`${admin.created ? "Created" : "Made"} ${admin.name} <${parsed.data.email}> ${admin.created ? "as an admin" : "an admin"}.`);
      out.log(`They set their password here (one use, until ${admin.link.expiresAt.toISOString()}):\n\n  ${publicLink(admin.link.path)}\n`);
      return 0;
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
