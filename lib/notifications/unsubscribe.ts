import { createHmac, timingSafeEqual } from "node:crypto";
import { publicLink } from "@/lib/config/public-origin";
import { deriveKey } from "@/lib/security/derived-key";
import { CONFIGURABLE_KINDS, type ConfigurableKind } from "./kinds";

/**
 * One-click unsubscribe (RFC 8058): every mail carries a link, signed for its person and kind, that turns that
 * kind's mail off without signing in. The signature is an HMAC of both; it does not expire (an old mail's link
 * must still work), and it only ever turns mail off.
 */

const PURPOSE = "unsubscribe-link";

function signatureOf(personId: number, kind: ConfigurableKind): string {
  return createHmac("sha256", deriveKey(PURPOSE)).update(`${personId}:${kind}`).digest("base64url");
}

export function unsubscribeToken(personId: number, kind: ConfigurableKind): string {
  return `${personId}.${kind}.${signatureOf(personId, kind)}`;
}

/** The person and kind a token names, or null for a token that is not one of ours. */
export function readUnsubscribeToken(token: unknown): { personId: number; kind: ConfigurableKind } | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const [id, kind, signature, ...rest] = token.split(".");
  const personId = Number(id);
  if (rest.length || !Number.isSafeInteger(personId) || personId <= 0 || !CONFIGURABLE_KINDS.includes(kind as ConfigurableKind) || !signature) return null;
  const expected = Buffer.from(signatureOf(personId, kind as ConfigurableKind));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { personId, kind: kind as ConfigurableKind } : null;
}

/** The page a person opens from the mail (it asks before turning anything off), and the URL of the one-click POST. */
export function unsubscribeLinks(personId: number, kind: ConfigurableKind): { page: string; oneClick: string } {
  const token = unsubscribeToken(personId, kind);
  return { page: publicLink(`/unsubscribe?token=${token}`), oneClick: publicLink(`/api/unsubscribe?token=${token}`) };
}
