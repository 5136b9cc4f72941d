import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-path";

describe("safeCallbackPath", () => {
  it("keeps a path on this site with its query", () => {
    expect(safeCallbackPath("/report?team=3&gap=no-owner")).toBe("/report?team=3&gap=no-owner");
    expect(safeCallbackPath("/matrix?q=a%2Fb")).toBe("/matrix?q=a%2Fb");
    expect(safeCallbackPath("/assets/12")).toBe("/assets/12");
  });

  it("refuses absolute URLs, this site's or another's, and other schemes", () => {
    expect(safeCallbackPath("https://evil.example/steal")).toBe("/");
    expect(safeCallbackPath("http://localhost:3000/matrix")).toBe("/");
    expect(safeCallbackPath("javascript:alert(1)")).toBe("/");
    expect(safeCallbackPath("evil.example")).toBe("/");
  });

  it("refuses protocol-relative paths and backslashes, which browsers read as another site", () => {
    expect(safeCallbackPath("//evil.example")).toBe("/");
    expect(safeCallbackPath("/\\evil.example")).toBe("/");
    expect(safeCallbackPath("\\\\evil.example")).toBe("/");
    expect(safeCallbackPath("/report\\..\\..\\evil")).toBe("/");
  });

  it("refuses tabs, newlines and other control characters, which browsers drop or a Location header refuses", () => {
    expect(safeCallbackPath("/\t/evil.example")).toBe("/");
    expect(safeCallbackPath("/\n/evil.example")).toBe("/");
    expect(safeCallbackPath("/\r\n/evil.example")).toBe("/");
    expect(safeCallbackPath("/report?x=\u0000")).toBe("/");
    expect(safeCallbackPath("/report\u007f")).toBe("/");
  });

  it("refuses the same tricks percent-encoded in the path", () => {
    expect(safeCallbackPath("/%09/evil.example")).toBe("/");
    expect(safeCallbackPath("/%0a/evil.example")).toBe("/");
    expect(safeCallbackPath("/%5Cevil.example")).toBe("/");
    expect(safeCallbackPath("/%2F/evil.example")).toBe("/");
    expect(safeCallbackPath("/%2f%2fevil.example")).toBe("/");
    expect(safeCallbackPath("/%E0%A4%A")).toBe("/");
  });

  it("answers the path as a URL parser serialises it, so what is sent is what was checked", () => {
    expect(safeCallbackPath("/report/../matrix?kind=crm#cell")).toBe("/matrix?kind=crm");
    expect(safeCallbackPath("/équipe")).toBe("/%C3%A9quipe");
  });

  it("does not send a signed-in person back to sign-in, and ignores non-strings and very long values", () => {
    expect(safeCallbackPath("/sign-in")).toBe("/");
    expect(safeCallbackPath("/sign-in?callbackUrl=/report")).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
    expect(safeCallbackPath(42)).toBe("/");
    expect(safeCallbackPath(`/${"a".repeat(2_000)}`)).toBe("/");
  });
});
