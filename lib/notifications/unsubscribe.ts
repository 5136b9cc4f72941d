import { createHmac, timingSafeEqual } from "node:crypto";
import { publicLink } from "@/lib/config/public-origin";
import { getPrisma, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { deriveKey } from "@/lib/security/derived-key";
import { CONFIGURABLE_KINDS, KINDS, type ConfigurableKind } from "./kinds";
import { loadPreferences, savePreferences } from "./preferences";

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

export interface UnsubscribeRequest {
  personId: number;
  kind: ConfigurableKind;
  /** The kind's name, as My account shows it. */
  label: string;
  email: string;
  /** Whether these mails still go to the person. */
  mailOn: boolean;
}

/** What a token would turn off, for the page that asks first; null for a token that is not one of ours. */
export async function describeUnsubscribe(token: unknown, db: Db = getPrisma()): Promise<UnsubscribeRequest | null> {
  const named = readUnsubscribeToken(token);
  if (!named) return null;
  const person = await db.person.findUnique({ where: { id: named.personId }, select: { email: true } });
  if (!person) return null;
  const wants = await loadPreferences(db, [named.personId]);
  return { ...named, label: KINDS[named.kind].label, email: person.email, mailOn: wants(named.personId, named.kind, "mail") };
}

/**
 * Turns off the mail a token names, in one transaction with its audit event; the person is the actor, since the
 * token is theirs (it reached them by mail). A token that is not one of ours is refused with 404.
 */
export async function unsubscribe(token: unknown, db: Db = getPrisma()): Promise<UnsubscribeRequest> {
  const named = readUnsubscribeToken(token);
  const person = named ? await db.person.findUnique({ where: { id: named.personId }, select: { email: true } }) : null;
  if (!named || !person) throw new AppError("not-found", "This unsubscribe link is not valid: check that it was copied whole.");
  await db.$transaction((tx) => savePreferences(tx, named.personId, [{ kind: named.kind, channel: "mail", enabled: false }], named.personId));
  return { ...named, label: KINDS[named.kind].label, email: person.email, mailOn: false };
}
