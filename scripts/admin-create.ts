/** `npm run admin:create -- --email E --name "N"`: makes (or promotes) an admin and prints a one-time link to set their password. */
import { adminCreateCommand } from "@/lib/commands/admin-create";

const exitCode = await adminCreateCommand(process.argv.slice(2), console).catch((error: unknown) => {
  console.error(`admin:create failed: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});
// Not process.exitCode: the embedded database's exit hook ends the process with its own code.
if (exitCode !== 0) process.exit(exitCode);
