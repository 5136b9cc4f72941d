import { z } from "zod";
import { createAdminWithPasswordLink } from "@/lib/accounts/admin-access";
import { publicLink } from "@/lib/config/public-origin";
import { createPersonSchema } from "@/lib/people/schemas";
import { parseCommandOptions, runOnPreparedDatabase } from "./command-options";
import type { Output } from "./import-export";

const USAGE = 'Usage: npm run admin:create -- --email <email> [--name "<name>"]   (the name is needed for someone new)';

const argumentsSchema = z.object({ email: createPersonSchema.shape.email, name: createPersonSchema.shape.name.optional() });

/** `npm run admin:create`: returns the exit code; prints the one-time link to set the admin's password. */
export async function adminCreateCommand(args: string[], out: Output): Promise<number> {
  const options = parseCommandOptions(args, { email: { type: "string" }, name: { type: "string" } }, argumentsSchema, USAGE, out);
  if (!options) return 1;
  return runOnPreparedDatabase(out, async (prisma) => {
    const admin = await createAdminWithPasswordLink(prisma, options);
    out.log(`${admin.created ? "Created" : "Made"} ${admin.name} <${options.email}> ${admin.created ? "as an admin" : "an admin"}.`);
    out.log(`They set their password here (one use, until ${admin.link.expiresAt.toISOString()}):\n\n  ${publicLink(admin.link.path)}\n`);
    return 0;
  });
}
