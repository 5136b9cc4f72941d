import { hkdfSync } from "node:crypto";
import { readEnvironment } from "@/lib/config/environment";

/**
 * Keys for Tandem's own secrets (unsubscribe links, chat webhook URLs), derived from AUTH_SECRET with HKDF, one
 * per purpose: no second secret to configure, and a key leaked for one purpose opens nothing else. Changing
 * AUTH_SECRET invalidates what they protect, as it does sessions.
 */
export function deriveKey(purpose: string, environment = readEnvironment()): Buffer {
  const secret = environment.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: Tandem cannot sign or encrypt without it.");
  return Buffer.from(hkdfSync("sha256", secret, "tandem", purpose, 32));
}
