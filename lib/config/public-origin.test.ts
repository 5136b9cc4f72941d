import { describe, expect, it } from "vitest";
import { readEnvironment } from "./environment";
import { publicLink, publicOrigin } from "./public-origin";

describe("publicOrigin", () => {
  it("is AUTH_URL's origin when set, whatever path it carries", () => {
    expect(publicOrigin(readEnvironment({ AUTH_URL: "https://tandem.example.com/some/path" }))).toBe("https://tandem.example.com");
    expect(publicLink("/setup?token=abc", readEnvironment({ AUTH_URL: "https://tandem.example.com" }))).toBe("https://tandem.example.com/setup?token=abc");
  });

  it("is the local server on PORT otherwise", () => {
    expect(publicOrigin(readEnvironment({ PORT: "3100" }))).toBe("http://localhost:3100");
  });
});
