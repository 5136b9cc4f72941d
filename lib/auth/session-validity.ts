import type { Prisma } from "@/lib/db/generated/client";

type Tx = Prisma.TransactionClient;

/**
 * Ending a person's earlier sessions. Signing out revokes one session; these changes end every session the
 * person had before them, on every app instance, through the time kept on the person (`sessionsValidAfter`)
 * and compared with each session's sign-in time on every request (lib/auth/session.ts):
 * - reactivation: a session from before the person left must not come back to life with them;
 * - a new password: it is set because the old one may be known, and so may a session made with it;
 * - another role: a session carries no role, but whoever holds a copy of its cookie should not keep the
 *   person's account across a change of what it may do.
 */

/** Whether a session signed in at `signedInAt` (seconds since the epoch, as the session keeps it) is honoured. */
export function isSessionCurrent(signedInAt: number, sessionsValidAfter: Date | null): boolean {
  // In whole seconds, the session's own precision: a sign-in in the same second as the change is honoured,
  // so that a person signing in with their new password at once is never turned away.
  return sessionsValidAfter === null || signedInAt >= Math.floor(sessionsValidAfter.getTime() / 1000);
}

/** Ends every session these people signed in before `now`, in the caller's transaction. */
export async function endEarlierSessions(tx: Tx, personIds: number | readonly number[], now = new Date()): Promise<void> {
  const ids = typeof personIds === "number" ? [personIds] : [...personIds];
  if (ids.length === 0) return;
  await tx.person.updateMany({ where: { id: { in: ids } }, data: { sessionsValidAfter: now } });
}

/** Runs a write to a person and ends their earlier sessions when it changed their role. */
export async function endSessionsIfRoleChanges<T>(tx: Tx, personId: number, write: () => Promise<T>, now = new Date()): Promise<T> {
  const roleOf = async () => (await tx.person.findUnique({ where: { id: personId }, select: { role: true } }))?.role;
  const before = await roleOf();
  const result = await write();
  const after = await roleOf();
  if (before !== undefined && after !== undefined && before !== after) await endEarlierSessions(tx, personId, now);
  return result;
}
