import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { endSessionsIfRoleChanges } from "@/lib/auth/session-validity";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { issueLink, type IssuedLink } from "./one-time-links";

/**
 * `npm run admin:create`: an admin made (or an existing person promoted, and brought back if they had left)
 * from the command line, with a one-time link (24 hours) to choose their password. For scripted installs, and
 * for an organisation whose admins are locked out: whoever runs commands on the server is trusted already.
 * Recorded in the audit trail with no actor (the command line).
 */
export async function createAdminWithPasswordLink(db: Db, input: { email: string; name?: string }, now = new Date()): Promise<{ created: boolean; name: string; link: IssuedLink }> {
  const email = input.email.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    const existing = await tx.person.findUnique({ where: { email }, select: { id: true, name: true, role: true, deactivatedAt: true } });
    let person: { id: number; name: string };
    if (existing) {
      const after = { name: input.name ?? existing.name, role: "admin" as const, deactivatedAt: null };
      person = await endSessionsIfRoleChanges(tx, existing.id, () => tx.person.update({ where: { id: existing.id }, data: after, select: { id: true, name: true } }), now);
      await recordAudit(tx, { actorId: null, action: existing.deactivatedAt ? "person.reactivated" : "person.updated", entityType: "person", entityId: email, before: existing, after });
    } else {
      if (!input.name) throw new AppError("invalid", `Nobody has the email ${email} yet: give their name with --name.`);
      person = await tx.person.create({ data: { email, name: input.name, role: "admin" }, select: { id: true, name: true } });
      await recordAudit(tx, { actorId: null, action: "person.created", entityType: "person", entityId: email, after: { name: input.name, role: "admin", email } });
    }
    const link = await issueLink(tx, { purpose: "set_password", personId: person.id, createdById: null, now });
    await recordAudit(tx, { actorId: null, action: "person.password-link-issued", entityType: "person", entityId: email, after: { expiresAt: link.expiresAt } });
    return { created: !existing, name: person.name, link };
  });
}
