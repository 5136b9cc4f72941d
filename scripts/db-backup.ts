/**
 * `npm run db:backup [-- <file>]`: a consistent backup of the database (DATABASE_URL, or the embedded one
 * of `npm start`, running or not) while the app keeps running. Default file: backups/tandem-<time>.sql.gz.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { backupDatabase } from "@/lib/db/backup";
import { openCliDatabase } from "@/lib/db/cli-database";

const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
const file = path.resolve(process.argv[2] ?? path.join("backups", `tandem-${stamp}.sql.gz`));
// A folder of its own only its owner can list, as each backup is readable by its owner only.
mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });

const database = await openCliDatabase();
try {
  const summary = await backupDatabase(database.url, file);
  const rows = summary.tables.reduce((sum, table) => sum + table.rows, 0);
  console.log(`Backed up ${summary.tables.length} tables (${rows} rows) to ${file}`);
} catch (error) {
  console.error(`The backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.release();
}
