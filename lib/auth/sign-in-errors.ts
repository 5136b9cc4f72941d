import { signInSchema } from "./credentials";
import type { SingleSignOnRefusal } from "./sso";

/**
 * How a refused or failed sign-in through the provider comes back to the sign-in page: as `error`
 * (and, for a refused person, `email`) in the URL, which the page turns into a sentence. Auth.js adds
 * its own error types (AccessDenied, Configuration, OAuthCallbackError, ...) the same way.
 */

const REFUSAL_ERRORS = {
  "unverified-email": "sso-unverified-email",
  "no-account": "sso-no-account",
  "no-role": "sso-no-role",
  deactivated: "sso-deactivated",
  "domain-not-allowed": "sso-domain",
  "other-identity": "sso-other-identity",
} as const satisfies Record<SingleSignOnRefusal["reason"], string>;

/** Where the `signIn` callback sends a refused person: back to sign-in, with the reason. */
export function refusalPath(refusal: SingleSignOnRefusal): string {
  const params = new URLSearchParams({ error: REFUSAL_ERRORS[refusal.reason] });
  if ("email" in refusal) params.set("email", refusal.email);
  return `/sign-in?${params}`;
}

/**
 * The sentence the sign-in page shows for its `error` and `email` parameters, or null when there is no
 * error. Anyone can put anything in the URL: an email that is not one is left out of the sentence.
 */
export function describeSignInError(error: unknown, email: unknown): string | null {
  if (typeof error !== "string" || !error) return null;
  const parsedEmail = signInSchema.shape.email.safeParse(email);
  const who = parsedEmail.success ? parsedEmail.data : "your email address";
  switch (error) {
    case REFUSAL_ERRORS["no-account"]:
      return `There is no Tandem account for ${who}; ask an admin to add you.`;
    case REFUSAL_ERRORS["no-role"]:
      return `The Tandem account for ${who} may not sign in; ask an admin to give it a role.`;
    case REFUSAL_ERRORS.deactivated:
      return "Your account is deactivated.";
    case REFUSAL_ERRORS["domain-not-allowed"]:
      return `Tandem accepts single sign-on only for your organisation's email domains, and ${who} is not one of them.`;
    case REFUSAL_ERRORS["other-identity"]:
      return `The Tandem account for ${who} is linked to another account at your sign-in provider; ask an admin.`;
    case REFUSAL_ERRORS["unverified-email"]:
      return "Your sign-in provider did not confirm your email address, so Tandem cannot tell who you are.";
    default:
      return "Signing in did not complete. Try again, or sign in with your password.";
  }
}
