import { parseArgs } from "node:util";
import { z } from "zod";
import { createPrismaClient } from "@/lib/db/client";
import { openCliDatabase } from "@/lib/db/cli-database";
import { AppError } from "@/lib/errors";
import { createPersonSchema } from "@/lib/people/schemas";
import { createPersonalTokenForEmail } from "@/lib/tokens/command-line-token";
import { createPersonalTokenSchema } from "@/lib/tokens/schemas";
import type { Output } from "./import-export";
import { prepareDatabase } from "./prepare-database";

const USAGE = 'Usage: npm run token:create -- --email <email> --name "<what uses it>" [--expires-days <days>]   (no --expires-days: until revoked)';

const argumentsSchema = z.object({
  email: createPersonSchema.shape.email,
  name: createPersonalTokenSchema.shape.name,
  // The screens' rule for a number of days (its default and "none" unwrapped): leaving the option out means no expiry.
  "expires-days": z.coerce.number().pipe(createPersonalTokenSchema.shape.expiresInDays.unwrap().unwrap()).optional(),
});

/**
 * `npm run token:create`: returns the exit code. The token is the only thing on stdout, so that
 * `TOKEN=$(npm run -s token:create -- ...)` captures it; what was made, and every refusal, go to stderr.
 */
export async function tokenCreateCommand(args: string[], out: Output): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: { email: { type: "string" }, name: { type: "string" }, "expires-days": { type: "string" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    out.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 1;
  }
  const parsed = argumentsSchema.safeParse(values);
  if (!parsed.success) {
    out.error(`${parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join(" ")}\n${USAGE}`);
    return 1;
  }
  const { email, name, "expires-days": expiresInDays = null } = parsed.data;
  const database = await openCliDatabase();
  try {
    await prepareDatabase(database.url, { seedDemo: false });
    const prisma = createPrismaClient(database.url);
    try {
      const issued = await createPersonalTokenForEmail(prisma, email, { name, expiresInDays });
      out.error(`Made the token "${issued.name}" of ${issued.personName} <${issued.email}>, ${issued.expiresAt ? `valid until ${issued.expiresAt}` : "valid until revoked"}. It is shown only now.`);
      out.log(issued.token);
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
