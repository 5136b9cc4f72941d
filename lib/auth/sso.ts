import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { signInSchema } from "./credentials";
import type { AuthenticatedPerson } from "./credentials";

/**
 * Who may come in through single sign-on: only people Tandem knows. The provider vouches for an email
 * address, verified, of an allowed domain when domains are set; the email is the link to a Person, who must
 * be active and have a role that signs in. The provider's identity of that person (the ID token's issuer and
 * subject) is remembered at their first sign-in through it: a later token for the same email with another
 * subject is someone else (an address reassigned at the provider) and is refused. The session holds the
 * Person id, as with a password.
 */

/** The claims of the ID token (or UserInfo) that matter here. */
export interface SingleSignOnProfile {
  iss?: unknown;
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
  ssoIssuer: string | null;
  ssoSubject: string | null;
}

/** Who the provider says is signing in, as it names them. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
}

export type SingleSignOnRefusal =
  | { kind: "refused"; reason: "unverified-email" }
  | { kind: "refused"; reason: "no-account" | "no-role" | "deactivated" | "domain-not-allowed" | "other-identity"; email: string };

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

/** The ID token's issuer and subject; null when either is missing (a token OpenID Connect does not allow). */
export function identityOf(profile: SingleSignOnProfile | undefined): ProviderIdentity | null {
  if (typeof profile?.iss !== "string" || typeof profile.sub !== "string" || !profile.iss || !profile.sub) return null;
  return { issuer: profile.iss, subject: profile.sub };
}

function isAllowedDomain(email: string, policy: SingleSignOnPolicy): boolean {
  if (!policy.allowedDomains) return true;
  const domain = email.slice(email.lastIndexOf("@") + 1);
  return policy.allowedDomains.includes(domain);
}

/** The decision for the person found by the provider's email (null: nobody has that email). */
export function decideSingleSignOn(
  email: string | null,
  person: SingleSignOnCandidate | null,
  identity: ProviderIdentity | null,
  policy: SingleSignOnPolicy = STRICT_SINGLE_SIGN_ON,
): SingleSignOnDecision {
  if (email === null) return { kind: "refused", reason: "unverified-email" };
  if (!isAllowedDomain(email, policy)) return { kind: "refused", reason: "domain-not-allowed", email };
  if (!person) return { kind: "refused", reason: "no-account", email };
  if (person.deactivatedAt) return { kind: "refused", reason: "deactivated", email };
  if (person.role === "none") return { kind: "refused", reason: "no-role", email };
  if (!identity || (person.ssoSubject !== null && (person.ssoIssuer !== identity.issuer || person.ssoSubject !== identity.subject))) {
    return { kind: "refused", reason: "other-identity", email };
  }
  return { kind: "signed-in", person: { id: person.id, email: person.email, name: person.name } };
}

/**
 * Looks up the person behind the provider's claims and decides whether they may sign in; at a person's first
 * sign-in through the provider, remembers its identity of them (with an audit event). Two first sign-ins at
 * once with different subjects: one is remembered, the other refused.
 */
export async function checkSingleSignOn(prisma: Db, profile: SingleSignOnProfile | undefined, policy: SingleSignOnPolicy = STRICT_SINGLE_SIGN_ON): Promise<SingleSignOnDecision> {
  const email = verifiedEmailOf(profile, policy);
  const identity = identityOf(profile);
  const person = email
    ? await prisma.person.findUnique({
        where: { email },
        select: { id: true, email: true, name: true, role: true, deactivatedAt: true, ssoIssuer: true, ssoSubject: true },
      })
    : null;
  const decision = decideSingleSignOn(email, person, identity, policy);
  if (decision.kind === "refused" || person!.ssoSubject !== null) return decision;
  const linked = await rememberIdentity(prisma, decision.person, identity!);
  return linked ? decision : { kind: "refused", reason: "other-identity", email: decision.person.email };
}

async function rememberIdentity(prisma: Db, person: AuthenticatedPerson, identity: ProviderIdentity): Promise<boolean> {
  try {
    return await prisma.$transaction(async (tx) => {
      const { count } = await tx.person.updateMany({
        where: { id: person.id, ssoSubject: null },
        data: { ssoIssuer: identity.issuer, ssoSubject: identity.subject },
      });
      if (count === 0) {
        // Someone else's first sign-in got there first: in only if it was this same identity.
        const stored = await tx.person.findUniqueOrThrow({ where: { id: person.id }, select: { ssoIssuer: true, ssoSubject: true } });
        return stored.ssoIssuer === identity.issuer && stored.ssoSubject === identity.subject;
      }
      await recordAudit(tx, { actorId: person.id, action: "person.sso-linked", entityType: "person", entityId: person.email, before: null, after: identity });
      return true;
    });
  } catch (error) {
    // The provider's identity is already another person's: whoever this token is, they are not both.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}
