import { describe, expect, it } from "vitest";
import { describeSignInError, refusalPath } from "./sign-in-errors";

/** What the sign-in page shows for a refusal's path: the two ends must agree. */
function messageFor(path: string) {
  const params = new URL(path, "http://tandem.test").searchParams;
  return describeSignInError(params.get("error"), params.get("email"));
}

describe("refusals of a sign-in through the provider", () => {
  it("go back to the sign-in page and say why", () => {
    expect(refusalPath({ kind: "refused", reason: "no-account", email: "new.hire@example.org" })).toBe(
      "/sign-in?error=sso-no-account&email=new.hire%40example.org",
    );
    expect(messageFor(refusalPath({ kind: "refused", reason: "no-account", email: "new.hire@example.org" }))).toBe(
      "There is no Tandem account for new.hire@example.org; ask an admin to add you.",
    );
    expect(messageFor(refusalPath({ kind: "refused", reason: "deactivated", email: "ravi.patel@example.org" }))).toBe("Your account is deactivated.");
    expect(messageFor(refusalPath({ kind: "refused", reason: "no-role", email: "leo.santos@example.org" }))).toBe(
      "The Tandem account for leo.santos@example.org may not sign in; ask an admin to give it a role.",
    );
    expect(messageFor(refusalPath({ kind: "refused", reason: "unverified-email" }))).toMatch(/did not confirm your email address/);
    expect(messageFor(refusalPath({ kind: "refused", reason: "domain-not-allowed", email: "someone@example.com" }))).toBe(
      "Tandem accepts single sign-on only for your organisation's email domains, and someone@example.com is not one of them.",
    );
  });
});

describe("describeSignInError", () => {
  it("says nothing without an error", () => {
    expect(describeSignInError(undefined, undefined)).toBeNull();
    expect(describeSignInError("", "a@example.org")).toBeNull();
    expect(describeSignInError(["sso-no-account"], undefined)).toBeNull();
  });

  it("explains Auth.js's own errors (provider down, cancelled, a failed check) in one sentence", () => {
    for (const error of ["Configuration", "AccessDenied", "OAuthCallbackError", "InvalidCheck"]) {
      expect(describeSignInError(error, undefined)).toBe("Signing in did not complete. Try again, or sign in with your password.");
    }
  });

  it("leaves a hand-edited email that is not one out of the sentence", () => {
    expect(describeSignInError("sso-no-account", "<script>alert(1)</script>")).toBe(
      "There is no Tandem account for your email address; ask an admin to add you.",
    );
    expect(describeSignInError("sso-no-account", ["a@example.org", "b@example.org"])).toContain("your email address");
  });
});
