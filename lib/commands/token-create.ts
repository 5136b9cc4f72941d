import { z } from "zod";
import { createPersonSchema } from "@/lib/people/schemas";
import { createPersonalTokenForEmail, createScimTokenFromCommandLine } from "@/lib/tokens/command-line-token";
import { createPersonalTokenSchema } from "@/lib/tokens/schemas";
import { parseCommandOptions, runOnPreparedDatabase } from "./command-options";
import type { Output } from "./import-export";

const USAGE = [
  'Usage: npm run token:create -- --email <email> --name "<what uses it>" [--expires-days <days>]   (no --expires-days: until revoked)',
  '       npm run token:create -- --scim --name "<identity provider>" [--expires-days <days>]   (a SCIM provisioning token)',
].join("\n");

const argumentsSchema = z.object({
  email: createPersonSchema.shape.email.optional(),
  scim: z.boolean().optional(),
  name: createPersonalTokenSchema.shape.name,
  // The screens' rule for a number of days (its default and "none" unwrapped): leaving the option out means no expiry.
  "expires-days": z.coerce
    .number()
    .pipe(createPersonalTokenSchema.shape.expiresInDays.unwrap().unwrap())
    .optional(),
});

/**
 * `npm run token:create`: returns the exit code. The token is the only thing on stdout, so that
 * `TOKEN=$(npm run -s token:create -- ...)` captures it; what was made, and every refusal, go to stderr.
 */
export async function tokenCreateCommand(args: string[], out: Output): Promise<number> {
  const options = parseCommandOptions(
    args,
    {
      email: { type: "string" },
      scim: { type: "boolean" },
      name: { type: "string" },
      "expires-days": { type: "string" },
    },
    argumentsSchema,
    USAGE,
    out,
  );
  if (!options) return 1;
  const { email, scim = false, name, "expires-days": expiresInDays = null } = options;
  // A personal token is someone's (--email); a SCIM token is the organisation's (--scim): exactly one of them.
  if ((email === undefined) === !scim) {
    out.error(`Give either --email (a personal token) or --scim (a SCIM provisioning token).\n${USAGE}`);
    return 1;
  }
  return runOnPreparedDatabase(out, async (prisma) => {
    const input = { name, expiresInDays };
    const [issued, made] =
      email === undefined
        ? await createScimTokenFromCommandLine(prisma, input).then(
            (token) =>
              [
                token,
                `the SCIM token "${token.name}", acting for ${token.adminName} <${token.email}>`,
              ] as const,
          )
        : await createPersonalTokenForEmail(prisma, email, input).then(
            (token) => [token, `the token "${token.name}" of ${token.personName} <${token.email}>`] as const,
          );
    out.error(
      `Made ${made}, ${issued.expiresAt ? `valid until ${issued.expiresAt}` : "valid until revoked"}. It is shown only now.`,
    );
    out.log(issued.token);
    return 0;
  });
}
