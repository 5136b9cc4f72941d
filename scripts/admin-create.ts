/** `npm run admin:create -- --email E --name "N"`: makes (or promotes) an admin and prints a one-time link to set their password. */
import { adminCreateCommand } from "@/lib/commands/admin-create";

process.exitCode = await adminCreateCommand(process.argv.slice(2), console).catch((error: unknown) => {
  console.error(`admin:create failed: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});
