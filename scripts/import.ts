/** `npm run import -- <folder> [--dry-run]`: imports people.csv, assets.csv and assignments.csv into DATABASE_URL. */
import { importCommand } from "@/lib/commands/import-export";
import { readEnvironment } from "@/lib/config/environment";

process.exitCode = await importCommand(process.argv.slice(2), readEnvironment(), console).catch((error: unknown) => {
  console.error(`The import failed: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});
