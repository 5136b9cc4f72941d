import { createHash, randomBytes } from "node:crypto";

/**
 * The secret of an API token: `tdm_` then 32 random bytes in base64url, so it is recognisable (secret
 * scanners, a log reader) and has 256 bits of chance. Only its SHA-256 is stored; a fast hash is enough with
 * nothing to guess from a dictionary.
 */
export const TOKEN_PREFIX = "tdm_";
const TOKEN_PATTERN = /^tdm_[A-Za-z0-9_-]{43}$/;
/** How much of a token a list shows: the prefix and four characters, enough to tell tokens apart. */
const SHOWN_CHARACTERS = TOKEN_PREFIX.length + 4;

export interface TokenSecret {
  token: string;
  hash: string;
  shownPrefix: string;
}

export function newTokenSecret(): TokenSecret {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), shownPrefix: token.slice(0, SHOWN_CHARACTERS) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token as Tandem issues them; anything else is refused before the database is asked. */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
