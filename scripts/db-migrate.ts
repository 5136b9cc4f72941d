/** `npm run db:migrate`: applies the migrations and the default catalog to the database DATABASE_URL names. */
import { redactDatabaseUrl, requireDatabaseUrl } from "@/lib/db/database-url";
import { ensureDatabaseExists } from "@/lib/db/migrate";
import { prepareDatabase } from "@/lib/commands/prepare-database";

const url = requireDatabaseUrl();
await ensureDatabaseExists(url);
const result = await prepareDatabase(url, { seedDemo: false });
console.log(
  result.appliedMigrations.length
    ? `Applied to ${redactDatabaseUrl(url)}: ${result.appliedMigrations.join(", ")}`
    : `${redactDatabaseUrl(url)} is up to date.`,
);
if (result.defaultCatalogCreated) console.log("Created the default asset kinds and concern catalog.");
