import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * The embedded demo keeps its session-signing secret beside its data, so that sessions survive a
 * restart without anyone having to configure AUTH_SECRET.
 */
export async function loadOrCreateSecret(file: string): Promise<string> {
  try {
    const existing = (await readFile(file, "utf8")).trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = randomBytes(32).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Session cookies are signed with a key derived from AUTH_SECRET: fewer than 32 bytes can be guessed offline. */
export const AUTH_SECRET_MIN_BYTES = 32;

/** Why a configured AUTH_SECRET may not sign production sessions, or null when it may. */
export function authSecretProblem(secret: string): string | null {
  if (Buffer.byteLength(secret, "utf8") >= AUTH_SECRET_MIN_BYTES) return null;
  return `AUTH_SECRET is too short: production needs at least ${AUTH_SECRET_MIN_BYTES} bytes to sign sessions safely. Generate one with \`openssl rand -base64 32\`.`;
}
