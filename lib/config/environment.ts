import { z } from "zod";

/**
 * Every environment variable Tandem reads, read and checked here only (README, "Configuration"). A wrong
 * value stops `npm start` at once with the variable's name, rather than failing later on the first page
 * that needs it. A variable set to the empty string counts as unset, except TANDEM_SERVER_NODE_FLAGS,
 * where empty means "no flags".
 */

const flag = (name: string) => z.enum(["true", "false"], { error: `${name} must be true or false` }).transform((value) => value === "true");

const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"], { error: "NODE_ENV must be development, production or test" }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "DATABASE_URL must be a PostgreSQL connection string (postgresql://user:password@host:5432/database)")
    .optional(),
  AUTH_SECRET: z.string().optional(),
  AUTH_URL: z.url({ protocol: /^https?$/, error: "AUTH_URL must be Tandem's public address (https://tandem.example.com)" }).optional(),
  AUTH_OIDC_ISSUER: z.string().optional(),
  AUTH_OIDC_CLIENT_ID: z.string().optional(),
  AUTH_OIDC_CLIENT_SECRET: z.string().optional(),
  AUTH_OIDC_NAME: z.string().optional(),
  AUTH_OIDC_EMAIL_VERIFIED_OPTIONAL: flag("AUTH_OIDC_EMAIL_VERIFIED_OPTIONAL").optional(),
  AUTH_OIDC_ALLOWED_DOMAINS: z
    .string()
    .regex(/^\s*[a-z0-9.-]+\.[a-z]{2,}\s*(,\s*[a-z0-9.-]+\.[a-z]{2,}\s*)*$/i, "AUTH_OIDC_ALLOWED_DOMAINS must be email domains separated by commas (example.org, example.com)")
    .optional(),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "SMTP_URL must be an SMTP server's address (smtp://user:password@host:587 or smtps://user:password@host:465)" })
    .optional(),
  MAIL_FROM: z.string().regex(/^(.*<[^<>\s]+@[^<>\s]+>|[^<>\s]+@[^<>\s]+)$/, "MAIL_FROM must be an email address, optionally with a name (Tandem <tandem@example.org>)").optional(),
  TANDEM_MAILBOX: flag("TANDEM_MAILBOX").optional(),
  TANDEM_WORKER: flag("TANDEM_WORKER").default(true),
  TANDEM_WEBHOOKS_ALLOW_PRIVATE: flag("TANDEM_WEBHOOKS_ALLOW_PRIVATE").default(false),
  PORT: z.coerce.number({ error: "PORT must be a port number" }).int("PORT must be a port number").min(1, "PORT must be a port number").max(65_535, "PORT must be a port number").default(3000),
  TANDEM_DATA_DIR: z.string().default(".data"),
  TANDEM_DEMO: flag("TANDEM_DEMO").optional(),
  TANDEM_EPHEMERAL: flag("TANDEM_EPHEMERAL").default(false),
  TANDEM_SKIP_BUILD: flag("TANDEM_SKIP_BUILD").default(false),
  TANDEM_SERVER_NODE_FLAGS: z.string().optional(),
  TANDEM_TRUSTED_PROXIES: z.coerce
    .number({ error: "TANDEM_TRUSTED_PROXIES must be the number of proxies in front of Tandem (0 for none)" })
    .int("TANDEM_TRUSTED_PROXIES must be the number of proxies in front of Tandem (0 for none)")
    .min(0, "TANDEM_TRUSTED_PROXIES must be the number of proxies in front of Tandem (0 for none)")
    .max(10, "TANDEM_TRUSTED_PROXIES must be the number of proxies in front of Tandem (0 for none)")
    .default(0),
  TANDEM_API_RATE_LIMIT: z.coerce
    .number({ error: "TANDEM_API_RATE_LIMIT must be the requests a minute one API token may make (600 by default)" })
    .int("TANDEM_API_RATE_LIMIT must be the requests a minute one API token may make (600 by default)")
    .min(1, "TANDEM_API_RATE_LIMIT must be the requests a minute one API token may make (600 by default)")
    .max(1_000_000, "TANDEM_API_RATE_LIMIT must be the requests a minute one API token may make (600 by default)")
    .default(600),
});

export type Environment = z.output<typeof environmentSchema>;

type Variables = Record<string, string | undefined>;

const EMPTY_MEANS_SOMETHING = new Set(["TANDEM_SERVER_NODE_FLAGS"]);
/** Never repeated in a message: they may hold a password. */
const SECRETS = new Set(["DATABASE_URL", "AUTH_SECRET", "AUTH_OIDC_CLIENT_SECRET", "SMTP_URL"]);

/** The environment, checked; throws an Error that names each wrong variable and its value. */
export function readEnvironment(variables: Variables = process.env): Environment {
  const given = Object.fromEntries(
    Object.keys(environmentSchema.shape).map((name) => {
      const value = variables[name];
      return [name, value === undefined || (value.trim() === "" && !EMPTY_MEANS_SOMETHING.has(name)) ? undefined : value.trim()];
    }),
  );
  const result = environmentSchema.safeParse(given);
  if (result.success) return result.data;
  const describe = (name: string) => (SECRETS.has(name) ? "" : `, not "${given[name]}"`);
  throw new Error(result.error.issues.map((issue) => `${issue.message}${describe(String(issue.path[0]))}.`).join(" "));
}
