import type { Db } from "@/lib/db/client";
import { SESSION_MAX_AGE_SECONDS } from "./auth.config";

/**
 * Signing out clears the browser's cookie, but the cookie is a signed token that stays valid until it
 * expires, and a request still in flight when the person signs out comes back with a refreshed copy.
 * Revoking the session's id server-side makes every copy worthless, on every app instance.
 */
export async function revokeSession(db: Db, personId: number, sessionId: string, now = new Date()): Promise<void> {
  // A revoked session would have expired by this time anyway (the cookie lives SESSION_MAX_AGE after its
  // last refresh, and none is refreshed once revoked), so the list only holds sessions that could still come back.
  const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
  await db.$transaction([
    db.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.revokedSession.upsert({ where: { sessionId }, create: { sessionId, personId, expiresAt }, update: { expiresAt } }),
  ]);
}
