/** `npm run jobs -- run-due --at <instant>`: see lib/commands/jobs.ts. */
import { jobsCommand } from "@/lib/commands/jobs";

const exitCode = await jobsCommand(process.argv.slice(2), console).catch((error: unknown) => {
  console.error(`jobs failed: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});
// Not process.exitCode: the embedded database's exit hook ends the process with its own code.
process.exit(exitCode);
