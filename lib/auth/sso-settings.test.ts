import { describe, expect, it } from "vitest";
import { singleSignOnOrigin, singleSignOnSettings } from "./sso-settings";

const okta = {
  AUTH_OIDC_ISSUER: "https://northwind.okta.com/",
  AUTH_OIDC_CLIENT_ID: "0oa1tandem",
  AUTH_OIDC_CLIENT_SECRET: "s3cret",
  AUTH_OIDC_NAME: "Okta",
};

describe("singleSignOnSettings", () => {
  it("is off without an issuer", () => {
    expect(singleSignOnSettings({})).toBeNull();
    expect(singleSignOnSettings({ AUTH_OIDC_ISSUER: "  ", AUTH_OIDC_CLIENT_ID: "id" })).toBeNull();
  });

  it("reads the provider, without the issuer's trailing slash (Auth.js appends the discovery path)", () => {
    expect(singleSignOnSettings(okta)).toEqual({
      issuer: "https://northwind.okta.com",
      clientId: "0oa1tandem",
      clientSecret: "s3cret",
      name: "Okta",
      requireVerifiedEmail: true,
      allowedDomains: null,
    });
  });

  it("requires a verified email unless told otherwise, and reads the allowed domains lower-cased", () => {
    expect(singleSignOnSettings({ ...okta, AUTH_OIDC_EMAIL_VERIFIED_OPTIONAL: true, AUTH_OIDC_ALLOWED_DOMAINS: " Northwind.example , example.org" })).toMatchObject({
      requireVerifiedEmail: false,
      allowedDomains: ["northwind.example", "example.org"],
    });
  });

  it("names the button generically when no name is given", () => {
    expect(singleSignOnSettings({ ...okta, AUTH_OIDC_NAME: undefined })?.name).toBe("single sign-on");
  });

  it("fails loudly on a half-done configuration", () => {
    expect(() => singleSignOnSettings({ ...okta, AUTH_OIDC_CLIENT_SECRET: "" })).toThrow("AUTH_OIDC_ISSUER is set but AUTH_OIDC_CLIENT_SECRET is not.");
    expect(() => singleSignOnSettings({ AUTH_OIDC_ISSUER: okta.AUTH_OIDC_ISSUER })).toThrow(
      "AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET are not",
    );
    expect(() => singleSignOnSettings({ ...okta, AUTH_OIDC_ISSUER: "northwind.okta.com" })).toThrow("must be the provider's issuer URL");
  });
});

describe("singleSignOnOrigin", () => {
  it("is the issuer's origin, or null without SSO", () => {
    expect(singleSignOnOrigin({ AUTH_OIDC_ISSUER: "https://login.microsoftonline.com/tenant-id/v2.0" })).toBe("https://login.microsoftonline.com");
    expect(singleSignOnOrigin({})).toBeNull();
    expect(singleSignOnOrigin({ AUTH_OIDC_ISSUER: "not a url" })).toBeNull();
  });
});
