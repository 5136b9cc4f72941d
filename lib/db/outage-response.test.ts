import { describe, expect, it } from "vitest";
import { outageResponse, RETRY_AFTER_SECONDS } from "./outage-response";

describe("outageResponse", () => {
  it("answers the API with the JSON a write route gives for `unavailable`", async () => {
    const response = outageResponse("/api/settings", "n0nce");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({ ok: false, code: "unavailable", error: expect.stringContaining("database") });
  });

  it("answers pages with a self-contained page whose only script carries the request's nonce", async () => {
    const response = outageResponse("/matrix", "n0nce");
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html).toContain("Tandem cannot reach its database at the moment");
    expect(html).toContain('<html lang="en">');
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script nonce="n0nce">']);
    expect(html).not.toMatch(/<link|src=/i);
    // Reloads when /api/health answers, or, without JavaScript, on a slow meta refresh.
    expect(html).toContain('fetch("/api/health"');
    expect(html).toMatch(/<noscript><meta http-equiv="refresh" content="\d+"><\/noscript>/);
  });
});
