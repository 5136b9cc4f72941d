import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getPrisma } from "@/lib/db/client";
import { auth } from "./auth";
import { SESSION_ABSOLUTE_MAX_SECONDS } from "./auth.config";
import { revokeSession } from "./revoked-sessions";
import { isSessionCurrent } from "./session-validity";

export type Role = "admin" | "manager" | "viewer";

export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  teamId: number | null;
  teamName: string | null;
  teamFunction: "marketing" | "it" | "other" | null;
}

export interface SessionClaims {
  personId: number;
  sessionId: string;
  /** Seconds since the epoch. */
  signedInAt: number;
}

/** Who the session cookie names and which session it is; says nothing yet about whether it was revoked. */
export const getSessionClaims = cache(async (): Promise<SessionClaims | null> => {
  const session = await auth();
  const personId = Number(session?.user?.id);
  const { sessionId, signedInAt } = session ?? {};
  // A cookie without a session id or sign-in time predates revocable sessions: it is not honoured.
  if (!Number.isInteger(personId) || personId <= 0 || !sessionId || signedInAt === undefined) return null;
  if (Date.now() / 1000 - signedInAt > SESSION_ABSOLUTE_MAX_SECONDS) return null;
  return { personId, sessionId, signedInAt };
});

/**
 * The signed-in person, read from the database on every request (once per request, thanks to
 * `cache`): a deactivated person, a changed role or a signed-out session takes effect at once, whatever
 * the session cookie says; so does the end of the sessions a person had before a reactivation, a new
 * password or another role.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await getSessionClaims();
  if (!claims) return null;
  const person = await getPrisma().person.findUnique({
    where: { id: claims.personId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      deactivatedAt: true,
      sessionsValidAfter: true,
      team: { select: { id: true, name: true, function: true } },
      revokedSessions: { where: { sessionId: claims.sessionId }, select: { sessionId: true } },
    },
  });
  if (!person || person.deactivatedAt || person.role === "none" || person.revokedSessions.length > 0) return null;
  // Reactivated, given a new password or another role since this session signed in (lib/auth/session-validity.ts).
  if (!isSessionCurrent(claims.signedInAt, person.sessionsValidAfter)) return null;
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    role: person.role,
    teamId: person.team?.id ?? null,
    teamName: person.team?.name ?? null,
    teamFunction: person.team?.function ?? null,
  };
});

/** For pages and server actions: the signed-in person, or a redirect to sign-in. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** Signing out: the request's session is revoked in the database, so no copy of its cookie works any more. */
export async function revokeCurrentSession(): Promise<void> {
  const claims = await getSessionClaims();
  if (claims) await revokeSession(getPrisma(), claims);
}
