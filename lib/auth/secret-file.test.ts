import { describe, expect, it } from "vitest";
import { authSecretProblem } from "./secret-file";

describe("authSecretProblem", () => {
  it("accepts 32 bytes or more, such as `openssl rand -base64 32`", () => {
    expect(authSecretProblem("x".repeat(32))).toBeNull();
    expect(authSecretProblem("q3J5m0yVY3b1d2xkZ3hqa2xxd2VydHl1aW9wYXM=")).toBeNull();
  });

  it("refuses fewer than 32 bytes", () => {
    expect(authSecretProblem("x".repeat(31))).toMatch(/^AUTH_SECRET is too short/);
    expect(authSecretProblem("secret")).toMatch(/at least 32 bytes/);
  });
});
