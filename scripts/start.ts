/** `npm start` (`npm run dev` with `--dev`): the embedded database or DATABASE_URL, migrations, the demo, the web server. */
import { startTandem } from "@/lib/commands/start";

startTandem({ development: process.argv.includes("--dev") });
