import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { CreatePersonalTokenInput } from "./schemas";
import { createPersonalToken, createServiceToken, type IssuedToken } from "./tokens";

/**
 * `npm run token:create`: a personal token made from the command line, for automation and scripted installs.
 * Whoever runs commands on the server is trusted already (as with `admin:create`); the token is made only for
 * someone it could act as (lib/tokens/authenticate.ts), and recorded with that person as actor, the token
 * being theirs.
 */
export async function createPersonalTokenForEmail(
  db: Db,
  email: string,
  input: CreatePersonalTokenInput,
  now = new Date(),
): Promise<IssuedToken & { personName: string; email: string }> {
  const normalised = email.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    const person = await tx.person.findUnique({
      where: { email: normalised },
      select: { id: true, name: true, role: true, deactivatedAt: true },
    });
    if (!person) throw new AppError("not-found", `Nobody has the email ${normalised}.`);
    if (person.deactivatedAt)
      throw new AppError(
        "invalid",
        `${person.name} <${normalised}> has left (deactivated): reactivate them first.`,
      );
    if (person.role === "none")
      throw new AppError(
        "invalid",
        `${person.name} <${normalised}> has the role "none" and cannot sign in, so no token can act as them: give them a role first.`,
      );
    const issued = await createPersonalToken(
      tx,
      person.id,
      input,
      (entry) => recordAudit(tx, { ...entry, actorId: person.id }),
      now,
    );
    return { ...issued, personName: person.name, email: normalised };
  });
}

/**
 * `npm run token:create -- --scim`: a SCIM provisioning token for the identity provider. A service token writes
 * in the name of the admin who made it; from the command line, that is the organisation's first admin still
 * active (the oldest), whom its writes and its audit event name.
 */
export async function createScimTokenFromCommandLine(
  db: Db,
  input: CreatePersonalTokenInput,
  now = new Date(),
): Promise<IssuedToken & { adminName: string; email: string }> {
  return db.$transaction(async (tx) => {
    const admin = await tx.person.findFirst({
      where: { role: "admin", deactivatedAt: null },
      orderBy: { id: "asc" },
      select: { id: true, name: true, email: true },
    });
    if (!admin)
      throw new AppError(
        "invalid",
        "There is no active admin for the token to act for: make one first with npm run admin:create.",
      );
    const issued = await createServiceToken(
      tx,
      admin.id,
      { ...input, role: "admin", teamId: null, scim: true },
      (entry) => recordAudit(tx, { ...entry, actorId: admin.id }),
      now,
    );
    return { ...issued, adminName: admin.name, email: admin.email };
  });
}
