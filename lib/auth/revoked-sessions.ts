import type { Db } from "@/lib/db/client";
import { SESSION_ABSOLUTE_MAX_SECONDS } from "./auth.config";

/**
 * Signing out clears the browser's cookie, but the cookie is a signed token that stays valid until it
 * expires, and a request still in flight when the person signs out comes back with a refreshed copy.
 * Revoking the session's id server-side makes every copy worthless, on every app instance.
 */
export async function revokeSession(db: Db, session: { personId: number; sessionId: string; signedInAt: number }, now = new Date()): Promise<void> {
  // Kept until no copy of the cookie can be honoured anyway: a session ends a week after signing in at the
  // latest, however often it is refreshed. Sessions past that are dropped from the list.
  const expiresAt = new Date((session.signedInAt + SESSION_ABSOLUTE_MAX_SECONDS) * 1000);
  await db.$transaction([
    db.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.revokedSession.upsert({
      where: { sessionId: session.sessionId },
      create: { sessionId: session.sessionId, personId: session.personId, expiresAt },
      update: { expiresAt },
    }),
  ]);
}

/** The session a decoded session token names, or null for a token without one (minted before sessions could be revoked). */
export function sessionOfToken(token: { sub?: unknown; sid?: unknown; signedInAt?: unknown } | null | undefined): { personId: number; sessionId: string; signedInAt: number } | null {
  const personId = Number(token?.sub);
  if (!Number.isInteger(personId) || personId <= 0 || typeof token?.sid !== "string" || typeof token.signedInAt !== "number") return null;
  return { personId, sessionId: token.sid, signedInAt: token.signedInAt };
}
