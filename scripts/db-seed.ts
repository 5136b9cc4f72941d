/** `npm run db:seed`: seeds the demo organisation into the (migrated, empty) database DATABASE_URL names. */
import { requireDatabaseUrl } from "@/lib/db/database-url";
import { prepareDatabase } from "@/lib/commands/prepare-database";

const result = await prepareDatabase(requireDatabaseUrl(), { seedDemo: true });
if (result.demo?.seeded) console.log(`Seeded the demo organisation: ${JSON.stringify(result.demo.counts)}`);
else {
  console.error(`Not seeded: ${result.demo?.reason ?? "unknown reason"}.`);
  process.exit(1);
}
