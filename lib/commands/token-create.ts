import { z } from "zod";
import { createPersonSchema } from "@/lib/people/schemas";
import { createPersonalTokenForEmail } from "@/lib/tokens/command-line-token";
import { createPersonalTokenSchema } from "@/lib/tokens/schemas";
import { parseCommandOptions, runOnPreparedDatabase } from "./command-options";
import type { Output } from "./import-export";

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
  const options = parseCommandOptions(args, { email: { type: "string" }, name: { type: "string" }, "expires-days": { type: "string" } }, argumentsSchema, USAGE, out);
  if (!options) return 1;
  const { email, name, "expires-days": expiresInDays = null } = options;
  return runOnPreparedDatabase(out, async (prisma) => {
    const issued = await createPersonalTokenForEmail(prisma, email, { name, expiresInDays });
    out.error(`Made the token "${issued.name}" of ${issued.personName} <${issued.email}>, ${issued.expiresAt ? `valid until ${issued.expiresAt}` : "valid until revoked"}. It is shown only now.`);
    out.log(issued.token);
    return 0;
  });
}
