/**
 * `npm run token:create -- --email E --name "N" [--expires-days D]`: prints a new personal API token of that person, and nothing else;
 * `npm run token:create -- --scim --name "N"`: a SCIM provisioning token instead (README, "Provisioning with SCIM").
 */
import { tokenCreateCommand } from "@/lib/commands/token-create";

const exitCode = await tokenCreateCommand(process.argv.slice(2), console).catch((error: unknown) => {
  console.error(`token:create failed: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});
// Not process.exitCode: the embedded database's exit hook ends the process with its own code.
if (exitCode !== 0) process.exit(exitCode);
