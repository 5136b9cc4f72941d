/** `npm run export -- <folder>`: writes people.csv, assets.csv and assignments.csv from DATABASE_URL. */
import { exportCommand } from "@/lib/commands/import-export";
import { readEnvironment } from "@/lib/config/environment";

process.exitCode = await exportCommand(process.argv.slice(2), readEnvironment(), console).catch((error: unknown) => {
  console.error(`The export failed: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});
