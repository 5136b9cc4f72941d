import type { Db } from "@/lib/db/client";
import { signInSchema } from "./credentials";
import type { AuthenticatedPerson } from "./credentials";

/**
 * Who may come in through single sign-on: only people Tandem knows. The provider vouches for an email
 * address, verified, of an allowed domain when domains are set; the email is the link to a Person, who must
 * be active and have a role that signs in.
 * The provider's own subject id is never used, so the session holds the Person id as with a password.
 */

/** The claims of the ID token (or UserInfo) that matter here. */
export interface SingleSignOnProfile {
  sub?: unknown;
  email?: unknown;
  email_verified?: unknown;
}

/** What the organisation accepts from its provider (README, single sign-on). */
export interface SingleSignOnPolicy {
  /**
   * true: only an email the provider says it verified (`email_verified: true`). false (AUTH_OIDC_EMAIL_VERIFIED_OPTIONAL,
   * for providers that never send the claim): an email without the claim is accepted too; an explicit false never is.
   */
  requireVerifiedEmail: boolean;
  /** Lower-case domains the email must belong to (AUTH_OIDC_ALLOWED_DOMAINS); null: any. */
  allowedDomains: readonly string[] | null;
}

export const STRICT_SINGLE_SIGN_ON: SingleSignOnPolicy = { requireVerifiedEmail: true, allowedDomains: null };

export interface SingleSignOnCandidate extends AuthenticatedPerson {
  role: "admin" | "manager" | "viewer" | "none";
  deactivatedAt: Date | null;
}

export type SingleSignOnRefusal =
  | { kind: "refused"; reason: "unverified-email" }
  | { kind: "refused"; reason: "no-account" | "no-role" | "deactivated" | "domain-not-allowed"; email: string };

export type SingleSignOnDecision = { kind: "signed-in"; person: AuthenticatedPerson } | SingleSignOnRefusal;

/**
 * The lower-cased email the provider vouches for, or null. An address the provider does not say it verified
 * could be anyone's: someone who registers another's address at a provider that does not check would get in
 * as them. Without the claim at all it is accepted only when the policy allows it.
 */
export function verifiedEmailOf(profile: SingleSignOnProfile | undefined, policy: SingleSignOnPolicy = STRICT_SINGLE_SIGN_ON): string | null {
  if (!profile) return null;
  const verified = profile.email_verified === true || profile.email_verified === "true";
  const unsaid = profile.email_verified === undefined || profile.email_verified === null;
  if (!verified && !(unsaid && !policy.requireVerifiedEmail)) return null;
  const parsed = signInSchema.shape.email.safeParse(profile.email);
  return parsed.success ? parsed.data : null;
}

function isAllowedDomain(email: string, policy: SingleSignOnPolicy): boolean {
  if (!policy.allowedDomains) return true;
  const domain = email.slice(email.lastIndexOf("@") + 1);
  return policy.allowedDomains.includes(domain);
}

/** The decision for the person found by the provider's email (null: nobody has that email). */
export function decideSingleSignOn(email: string | null, person: SingleSignOnCandidate | null, policy: SingleSignOnPolicy = STRICT_SINGLE_SIGN_ON): SingleSignOnDecision {
  if (email === null) return { kind: "refused", reason: "unverified-email" };
  if (!isAllowedDomain(email, policy)) return { kind: "refused", reason: "domain-not-allowed", email };
  if (!person) return { kind: "refused", reason: "no-account", email };
  if (person.deactivatedAt) return { kind: "refused", reason: "deactivated", email };
  if (person.role === "none") return { kind: "refused", reason: "no-role", email };
  return { kind: "signed-in", person: { id: person.id, email: person.email, name: person.name } };
}

/** Looks up the person behind the provider's claims and decides whether they may sign in. */
export async function checkSingleSignOn(prisma: Db, profile: SingleSignOnProfile | undefined, policy: SingleSignOnPolicy = STRICT_SINGLE_SIGN_ON): Promise<SingleSignOnDecision> {
  const email = verifiedEmailOf(profile, policy);
  const person = email
    ? await prisma.person.findUnique({
        where: { email },
        select: { id: true, email: true, name: true, role: true, deactivatedAt: true },
      })
    : null;
  return decideSingleSignOn(email, person, policy);
}
