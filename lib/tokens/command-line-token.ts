import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { CreatePersonalTokenInput } from "./schemas";
import { createPersonalToken, type IssuedToken } from "./tokens";

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
    const person = await tx.person.findUnique({ where: { email: normalised }, select: { id: true, name: true, role: true, deactivatedAt: true } });
    if (!person) throw new AppError("not-found", `Nobody has the email ${normalised}.`);
    if (person.deactivatedAt) throw new AppError("invalid", `${person.name} <${normalised}> has left (deactivated): reactivate them first.`);
    if (person.role === "none") throw new AppError("invalid", `${person.name} <${normalised}> has the role "none" and cannot sign in, so no token can act as them: give them a role first.`);
    const issued = await createPersonalToken(tx, person.id, input, (entry) => recordAudit(tx, { ...entry, actorId: person.id }), now);
    return { ...issued, personName: person.name, email: normalised };
  });
}
