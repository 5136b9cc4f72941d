import { describe, expect, it } from "vitest";
import { decideSingleSignOn, identityOf, verifiedEmailOf, type SingleSignOnCandidate } from "./sso";

const vera: SingleSignOnCandidate = { id: 42, email: "viewer@example.org", name: "Vera Lindqvist", role: "viewer", deactivatedAt: null, ssoIssuer: null, ssoSubject: null };
const token = { issuer: "https://login.example.org", subject: "vera-1" };

describe("verifiedEmailOf", () => {
  const relaxed = { requireVerifiedEmail: false, allowedDomains: null };

  it("takes the email, lower-cased and trimmed, when the provider says it verified it", () => {
    expect(verifiedEmailOf({ email: " Viewer@Example.ORG ", email_verified: true })).toBe("viewer@example.org");
    expect(verifiedEmailOf({ email: "viewer@example.org", email_verified: "true" })).toBe("viewer@example.org");
  });

  it("refuses an email the provider does not say it verified, unless the setting accepts a provider that never says (Entra ID)", () => {
    expect(verifiedEmailOf({ email: "viewer@example.org" })).toBeNull();
    expect(verifiedEmailOf({ email: "viewer@example.org" }, relaxed)).toBe("viewer@example.org");
  });

  it("distrusts an email the provider says is not verified, in either spelling of false, whatever the setting", () => {
    for (const policy of [undefined, relaxed]) {
      expect(verifiedEmailOf({ email: "viewer@example.org", email_verified: false }, policy)).toBeNull();
      expect(verifiedEmailOf({ email: "viewer@example.org", email_verified: "false" }, policy)).toBeNull();
    }
  });

  it("finds nothing without a usable email", () => {
    expect(verifiedEmailOf(undefined)).toBeNull();
    expect(verifiedEmailOf({ email_verified: true })).toBeNull();
    expect(verifiedEmailOf({ email: "not an email", email_verified: true })).toBeNull();
    expect(verifiedEmailOf({ email: ["viewer@example.org"], email_verified: true })).toBeNull();
    expect(verifiedEmailOf({ email: `${"a".repeat(250)}@example.org`, email_verified: true })).toBeNull();
  });
});

describe("decideSingleSignOn", () => {
  it("signs in an active person with a role, as that Person (their id, name and email)", () => {
    expect(decideSingleSignOn("viewer@example.org", vera, token)).toEqual({
      kind: "signed-in",
      person: { id: 42, email: "viewer@example.org", name: "Vera Lindqvist" },
    });
    for (const role of ["admin", "manager"] as const) {
      expect(decideSingleSignOn("viewer@example.org", { ...vera, role }, token).kind).toBe("signed-in");
    }
  });

  it("refuses an email Tandem does not know, naming it", () => {
    expect(decideSingleSignOn("stranger@example.org", null, token)).toEqual({ kind: "refused", reason: "no-account", email: "stranger@example.org" });
  });

  it("refuses a deactivated person, whatever their role", () => {
    const left = { ...vera, deactivatedAt: new Date("2026-01-05T00:00:00Z") };
    expect(decideSingleSignOn(vera.email, left, token)).toMatchObject({ kind: "refused", reason: "deactivated" });
    expect(decideSingleSignOn(vera.email, { ...left, role: "none" }, token)).toMatchObject({ kind: "refused", reason: "deactivated" });
  });

  it("refuses a person whose role is `none`: they may own cells but never sign in", () => {
    expect(decideSingleSignOn(vera.email, { ...vera, role: "none" }, token)).toEqual({ kind: "refused", reason: "no-role", email: vera.email });
  });

  it("refuses an email outside the allowed domains, naming it, before looking at the person", () => {
    const policy = { requireVerifiedEmail: true, allowedDomains: ["example.org", "northwind.example"] };
    expect(decideSingleSignOn("viewer@example.org", vera, token, policy).kind).toBe("signed-in");
    expect(decideSingleSignOn("viewer@evil.example", { ...vera, email: "viewer@evil.example" }, token, policy)).toEqual({ kind: "refused", reason: "domain-not-allowed", email: "viewer@evil.example" });
    // A subdomain or a look-alike is another domain.
    expect(decideSingleSignOn("viewer@mail.example.org", null, token, policy)).toMatchObject({ reason: "domain-not-allowed" });
    expect(decideSingleSignOn("viewer@example.org.evil", null, token, policy)).toMatchObject({ reason: "domain-not-allowed" });
  });

  it("remembers nothing yet on a first sign-in; refuses, once remembered, a token with another subject or issuer", () => {
    expect(decideSingleSignOn(vera.email, vera, token).kind).toBe("signed-in");
    const linked = { ...vera, ssoIssuer: token.issuer, ssoSubject: token.subject };
    expect(decideSingleSignOn(vera.email, linked, token).kind).toBe("signed-in");
    expect(decideSingleSignOn(vera.email, linked, { ...token, subject: "someone-else" })).toEqual({ kind: "refused", reason: "other-identity", email: vera.email });
    expect(decideSingleSignOn(vera.email, linked, { ...token, issuer: "https://other.example" })).toMatchObject({ reason: "other-identity" });
    // A token without issuer or subject names nobody.
    expect(decideSingleSignOn(vera.email, vera, identityOf({ sub: "vera-1" }))).toMatchObject({ reason: "other-identity" });
    expect(identityOf({ iss: token.issuer, sub: token.subject })).toEqual(token);
  });

  it("refuses when the provider vouched for no email", () => {
    expect(decideSingleSignOn(null, null, token)).toEqual({ kind: "refused", reason: "unverified-email" });
  });
});
