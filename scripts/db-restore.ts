/**
 * `npm run db:restore -- <file> [--force]`: replaces the database's contents with a backup, all or nothing.
 * A database that already holds people or assets is only overwritten with --force.
 */
import path from "node:path";
import { restoreDatabase } from "@/lib/db/backup";
import { openCliDatabase } from "@/lib/db/cli-database";

const args = process.argv.slice(2);
const force = args.includes("--force");
const file = args.find((arg) => !arg.startsWith("--"));
if (!file) {
  console.error("Usage: npm run db:restore -- <backup file> [--force]");
  process.exit(2);
}

const database = await openCliDatabase();
try {
  const summary = await restoreDatabase(database.url, path.resolve(file), { force });
  const rows = summary.tables.reduce((sum, table) => sum + table.rows, 0);
  console.log(`Restored ${summary.tables.length} tables (${rows} rows) from ${file}. Restart the app if it is running.`);
} catch (error) {
  console.error(`The restore failed, nothing was changed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.release();
}
