import type { Db } from "@/lib/db/client";
import { signInSchema } from "./credentials";
import type { AuthenticatedPerson } from "./credentials";

/**
 * Who may come in through single sign-on: only people Tandem knows. The provider vouches for an email
 * address; the email is the link to a Person, who must be active and have a role that signs in.
 * The provider's own subject id is never used, so the session holds the Person id as with a password.
 */

/** The claims of the ID token that matter here. */
export interface SingleSignOnProfile {
  email?: unknown;
  email_verified?: unknown;
}

export interface SingleSignOnCandidate extends AuthenticatedPerson {
  role: "admin" | "manager" | "viewer" | "none";
  deactivatedAt: Date | null;
}

export type SingleSignOnRefusal =
  | { kind: "refused"; reason: "unverified-email" }
  | { kind: "refused"; reason: "no-account" | "no-role" | "deactivated"; email: string };

export type SingleSignOnDecision = { kind: "signed-in"; person: AuthenticatedPerson } | SingleSignOnRefusal;

/**
 * The lower-cased email the provider vouches for, or null. A provider that says the address is not
 * verified is not trusted with it; one that says nothing (Entra ID) is, since it manages the address.
 */
export function verifiedEmailOf(profile: SingleSignOnProfile | undefined): string | null {
  if (!profile || profile.email_verified === false || profile.email_verified === "false") return null;
  const parsed = signInSchema.shape.email.safeParse(profile.email);
  return parsed.success ? parsed.data : null;
}

/** The decision for the person found by the provider's email (null: nobody has that email). */
export function decideSingleSignOn(email: string | null, person: SingleSignOnCandidate | null): SingleSignOnDecision {
  if (email === null) return { kind: "refused", reason: "unverified-email" };
  if (!person) return { kind: "refused", reason: "no-account", email };
  if (person.deactivatedAt) return { kind: "refused", reason: "deactivated", email };
  if (person.role === "none") return { kind: "refused", reason: "no-role", email };
  return { kind: "signed-in", person: { id: person.id, email: person.email, name: person.name } };
}

/** Looks up the person behind an ID token's claims and decides whether they may sign in. */
export async function checkSingleSignOn(prisma: Db, profile: SingleSignOnProfile | undefined): Promise<SingleSignOnDecision> {
  const email = verifiedEmailOf(profile);
  const person = email
    ? await prisma.person.findUnique({
        where: { email },
        select: { id: true, email: true, name: true, role: true, deactivatedAt: true },
      })
    : null;
  return decideSingleSignOn(email, person);
}
