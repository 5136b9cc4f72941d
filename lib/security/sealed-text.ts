import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { deriveKey } from "./derived-key";

/**
 * Secrets Tandem must read back later (a chat webhook's URL, a webhook endpoint's signing secret), kept
 * encrypted with AES-256-GCM under a key derived from AUTH_SECRET for one purpose. GCM authenticates what it
 * decrypts: a tampered ciphertext, or one made under another AUTH_SECRET, fails instead of yielding a wrong
 * value. Stored as `v1.<iv>.<tag>.<ciphertext>`, base64url, so a later scheme can be told apart.
 */

const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = "v1";

/** Why a sealed text could not be opened: not in Tandem's format, or not openable with today's key. */
export class UnsealError extends Error {
  constructor(readonly reason: "format" | "key") {
    super(reason === "format" ? "The stored value is not in a format Tandem knows." : "The stored value cannot be decrypted: AUTH_SECRET has changed since it was saved (or it was altered).");
  }
}

export function sealText(purpose: string, text: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(purpose), iv);
  const ciphertext = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export function openSealedText(purpose: string, stored: string): string {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new UnsealError("format");
  try {
    const decipher = createDecipheriv("aes-256-gcm", deriveKey(purpose), Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new UnsealError("key");
  }
}
