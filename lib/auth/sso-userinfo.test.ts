import { describe, expect, it, vi } from "vitest";
import { withUserInfoClaims } from "./sso-userinfo";

const ISSUER = "https://idp.example";

/** A provider answering discovery and UserInfo (with this access token only). */
function provider(userInfo: Record<string, unknown>) {
  return vi.fn(async (url: string, init?: RequestInit) => {
    if (url === `${ISSUER}/.well-known/openid-configuration`) return Response.json({ issuer: ISSUER, userinfo_endpoint: `${ISSUER}/me` });
    if (url === `${ISSUER}/me` && new Headers(init?.headers).get("authorization") === "Bearer the-token") return Response.json(userInfo);
    return new Response("no", { status: 401 });
  });
}

describe("withUserInfoClaims", () => {
  it("takes the email claims from UserInfo when the ID token lacks them (a conformant provider)", async () => {
    const fetcher = provider({ sub: "u1", email: "viewer@example.org", email_verified: true });
    expect(await withUserInfoClaims({ sub: "u1" }, ISSUER, "the-token", fetcher)).toEqual({ sub: "u1", email: "viewer@example.org", email_verified: true });
  });

  it("does not ask when the ID token has them, and keeps the ID token's own claims over UserInfo's", async () => {
    const fetcher = provider({ sub: "u1", email: "other@example.org", email_verified: true });
    const complete = { sub: "u1", email: "viewer@example.org", email_verified: false };
    expect(await withUserInfoClaims(complete, ISSUER, "the-token", fetcher)).toBe(complete);
    expect(fetcher).not.toHaveBeenCalled();
    expect(await withUserInfoClaims({ sub: "u1", email: "viewer@example.org" }, ISSUER, "the-token", fetcher)).toEqual({ sub: "u1", email: "viewer@example.org", email_verified: true });
  });

  it("ignores UserInfo about another subject, and a provider that refuses the token", async () => {
    expect(await withUserInfoClaims({ sub: "u1" }, ISSUER, "the-token", provider({ sub: "u2", email: "viewer@example.org", email_verified: true }))).toEqual({ sub: "u1" });
    expect(await withUserInfoClaims({ sub: "u1" }, ISSUER, "another-token", provider({ sub: "u1", email: "viewer@example.org", email_verified: true }))).toEqual({ sub: "u1" });
    expect(await withUserInfoClaims({ sub: "u1" }, ISSUER, undefined, provider({}))).toEqual({ sub: "u1" });
  });
});
