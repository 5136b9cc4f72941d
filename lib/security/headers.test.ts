import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, isHttpsRequest } from "./headers";

describe("contentSecurityPolicy", () => {
  it("allows only nonce-bearing scripts and no eval in production, and forbids framing", () => {
    const policy = contentSecurityPolicy("abc123", { development: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("form-action 'self'");
  });

  it("lets a form submission go on to the SSO provider, and nowhere else", () => {
    expect(contentSecurityPolicy("n", { development: false, signInProvider: "https://northwind.okta.com" })).toContain(
      "form-action 'self' https://northwind.okta.com;",
    );
    expect(contentSecurityPolicy("n", { development: false, signInProvider: null })).toContain("form-action 'self';");
  });

  it("allows eval only in development, where React needs it for debugging", () => {
    expect(contentSecurityPolicy("n", { development: true })).toContain("'unsafe-eval'");
  });
});

describe("createNonce", () => {
  it("is fresh every time and long enough", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0]!, "base64")).toHaveLength(16);
  });
});

describe("isHttpsRequest", () => {
  it("trusts the forwarded protocol of a TLS-terminating proxy, else the URL", () => {
    expect(isHttpsRequest(new URL("http://app.internal/"), new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(isHttpsRequest(new URL("https://tandem.example/"), new Headers())).toBe(true);
    expect(isHttpsRequest(new URL("http://localhost:3000/"), new Headers())).toBe(false);
  });
});
