/** `npm run report -- --format json|csv [filters]`: see lib/commands/report.ts. */
import { reportCommand } from "@/lib/commands/report";

const exitCode = await reportCommand(process.argv.slice(2), { write: (text) => process.stdout.write(text), error: console.error });
// Not process.exitCode: the embedded database's exit hook ends the process with its own code.
if (exitCode !== 0) process.exit(exitCode);
