import { randomBytes } from "node:crypto";
import { openSealedText, sealText, UnsealError } from "@/lib/security/sealed-text";

/**
 * An endpoint's signing secret, in the Standard Webhooks format: `whsec_` and the base64 of the key (32 random
 * bytes). Tandem makes it, shows it once (at creation and when rolled) and keeps it sealed: it must read it back
 * to sign, so it cannot be hashed as tokens are.
 */

const PURPOSE = "webhook-endpoint-secret";

export function generateSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** Enough of a secret to tell which one a receiver holds: its last 4 characters. */
export const secretHint = (secret: string) => `whsec_…${secret.slice(-4)}`;

export const sealSecret = (secret: string) => sealText(PURPOSE, secret);

export function openSecret(stored: string): string {
  try {
    return openSealedText(PURPOSE, stored);
  } catch (error) {
    if (error instanceof UnsealError && error.reason === "key")
      throw new Error(
        "The endpoint's secret cannot be decrypted: AUTH_SECRET has changed since it was made. Roll the secret.",
      );
    throw new Error("The endpoint's stored secret is not in a format Tandem knows. Roll the secret.");
  }
}
